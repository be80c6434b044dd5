import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { TrainingDto, TrainingFormat, TrainingKind, TrainingStatus } from '#libs/contracts';

@Entity({ name: 'training' })
export class TrainingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'work_stream_id' })
  workStreamId!: string;

  @Column({ type: 'uuid', name: 'series_id', nullable: true })
  seriesId!: string | null;

  @Column({ type: 'uuid', name: 'follows_id', nullable: true })
  followsId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text' })
  kind!: TrainingKind;

  @Column({ type: 'text' })
  format!: TrainingFormat;

  @Column({ type: 'text' })
  status!: TrainingStatus;

  @Column({ type: 'text', array: true })
  topics!: string[];

  @Column({ type: 'smallint', array: true })
  sdgs!: number[];

  @Column({ type: 'text', name: 'target_audience', nullable: true })
  targetAudience!: string | null;

  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  @Column({ type: 'text', nullable: true })
  venue!: string | null;

  @Column({ type: 'text', name: 'online_url', nullable: true })
  onlineUrl!: string | null;

  /** Derived from the sessions: start of the first, end of the last. */
  @Column({ type: 'timestamptz', name: 'starts_at', nullable: true })
  startsAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'ends_at', nullable: true })
  endsAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

export function toTrainingDto(training: TrainingEntity): TrainingDto {
  return {
    id: training.id,
    workStreamId: training.workStreamId,
    seriesId: training.seriesId,
    followsId: training.followsId,
    title: training.title,
    description: training.description,
    kind: training.kind,
    format: training.format,
    status: training.status,
    topics: training.topics,
    sdgs: training.sdgs,
    targetAudience: training.targetAudience,
    capacity: training.capacity,
    venue: training.venue,
    onlineUrl: training.onlineUrl,
    startsAt: training.startsAt?.toISOString() ?? null,
    endsAt: training.endsAt?.toISOString() ?? null,
    version: training.version,
    createdAt: training.createdAt.toISOString(),
    updatedAt: training.updatedAt.toISOString(),
  };
}

/** What every event about this training or one of its parts carries (EventScope), to filter on. */
export function eventScopeOf(training: TrainingEntity): {
  trainingId: string;
  workStreamId: string;
} {
  return { trainingId: training.id, workStreamId: training.workStreamId };
}
