import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { AgencyDto, AgencyKind } from '#libs/contracts';

@Entity({ name: 'agency' })
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  acronym!: string;

  /** lower(acronym), computed by Postgres: the unique key and the list order. */
  @Column({ type: 'text', name: 'acronym_key', insert: false, update: false })
  acronymKey!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: AgencyKind;

  @Column({ type: 'text' })
  headquarters!: string;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ type: 'timestamptz', name: 'archived_at', nullable: true })
  archivedAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

export function toAgencyDto(agency: AgencyEntity): AgencyDto {
  return {
    id: agency.id,
    acronym: agency.acronym,
    name: agency.name,
    kind: agency.kind,
    headquarters: agency.headquarters,
    website: agency.website,
    archived: agency.archivedAt !== null,
    version: agency.version,
    createdAt: agency.createdAt.toISOString(),
    updatedAt: agency.updatedAt.toISOString(),
  };
}
