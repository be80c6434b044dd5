import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { WebhookEndpointDto } from '#libs/contracts';

@Entity({ name: 'endpoint' })
export class EndpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', array: true, name: 'event_types' })
  eventTypes!: string[];

  @Column({ type: 'boolean', name: 'all_event_types' })
  allEventTypes!: boolean;

  /** `whsec_…`; never loaded unless asked for, so it cannot slip into an answer. */
  @Column({ type: 'text', select: false })
  secret!: string;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ type: 'text', nullable: true, name: 'disabled_reason' })
  disabledReason!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

export function toEndpointDto(endpoint: EndpointEntity): WebhookEndpointDto {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    allEventTypes: endpoint.allEventTypes,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    version: endpoint.version,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}

/** What a domain event tells about an endpoint: no secret, and of the URL (which may carry a token) only the host. */
export function endpointEventData(endpoint: EndpointEntity) {
  return {
    endpoint: {
      id: endpoint.id,
      host: new URL(endpoint.url).host,
      eventTypes: endpoint.eventTypes,
      allEventTypes: endpoint.allEventTypes,
      enabled: endpoint.enabled,
      disabledReason: endpoint.disabledReason,
      version: endpoint.version,
    },
  };
}
