import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { KnowledgeResourceDto, ResourceType } from '#libs/contracts';

@Entity({ name: 'resource' })
export class ResourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @Column({ type: 'text', nullable: true })
  body!: string | null;

  @Column({ type: 'text' })
  type!: ResourceType;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ type: 'text' })
  language!: string;

  /** A calendar date (YYYY-MM-DD), read as text so no time zone shifts it. */
  @Column({ type: 'date', name: 'published_on', nullable: true })
  publishedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  license!: string | null;

  @Column({ type: 'uuid', array: true, name: 'agency_ids' })
  agencyIds!: string[];

  @Column({ type: 'uuid', name: 'work_stream_id', nullable: true })
  workStreamId!: string | null;

  @Column({ type: 'uuid', array: true, name: 'training_ids' })
  trainingIds!: string[];

  @Column({ type: 'uuid', array: true, name: 'session_ids' })
  sessionIds!: string[];

  @Column({ type: 'text', array: true })
  topics!: string[];

  @Column({ type: 'smallint', array: true })
  sdgs!: number[];

  @Column({ type: 'timestamptz', name: 'archived_at', nullable: true })
  archivedAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

export function toResourceDto(resource: ResourceEntity): KnowledgeResourceDto {
  return {
    id: resource.id,
    title: resource.title,
    summary: resource.summary,
    body: resource.body,
    type: resource.type,
    url: resource.url,
    language: resource.language,
    publishedOn: resource.publishedOn,
    license: resource.license,
    agencyIds: resource.agencyIds,
    workStreamId: resource.workStreamId,
    trainingIds: resource.trainingIds,
    sessionIds: resource.sessionIds,
    topics: resource.topics,
    sdgs: resource.sdgs,
    archived: resource.archivedAt !== null,
    version: resource.version,
    createdAt: resource.createdAt.toISOString(),
    updatedAt: resource.updatedAt.toISOString(),
  };
}
