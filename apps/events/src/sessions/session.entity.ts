import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { SessionDto } from '#libs/contracts';

@Entity({ name: 'session' })
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'training_id' })
  trainingId!: string;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'timestamptz', name: 'starts_at' })
  startsAt!: Date;

  @Column({ type: 'timestamptz', name: 'ends_at' })
  endsAt!: Date;

  @Column({ type: 'text', name: 'time_zone' })
  timeZone!: string;

  /** Rises with every change of the session (a calendar's SEQUENCE is derived from it). */
  @VersionColumn()
  version!: number;
}

export function toSessionDto(session: SessionEntity): SessionDto {
  return {
    id: session.id,
    trainingId: session.trainingId,
    title: session.title,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    timeZone: session.timeZone,
    version: session.version,
  };
}
