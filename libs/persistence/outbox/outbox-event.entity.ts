import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CloudEvent } from '#libs/contracts';

/**
 * A domain event waiting to be published. Each service has this table in its own schema
 * (the data source's schema), written in the same transaction as the change it describes.
 */
@Entity({ name: 'outbox' })
export class OutboxEvent {
  /** Insertion order; the relay publishes in this order per aggregate. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  position!: string;

  @Column({ type: 'uuid', unique: true })
  id!: string;

  @Column({ type: 'text' })
  type!: string;

  /** The aggregate the event is about (the CloudEvents `subject`). */
  @Column({ type: 'text', name: 'aggregate_id' })
  aggregateId!: string;

  @Column({ type: 'jsonb' })
  envelope!: CloudEvent<object>;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'published_at', nullable: true })
  publishedAt!: Date | null;
}
