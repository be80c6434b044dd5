import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { WorkStreamDto, WorkStreamStatus } from '#libs/contracts';

@Entity({ name: 'work_stream' })
export class WorkStreamEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  mandate!: string | null;

  @Column({ type: 'text' })
  status!: WorkStreamStatus;

  @Column({ type: 'uuid', array: true, name: 'convener_agency_ids' })
  convenerAgencyIds!: string[];

  /** Members besides the conveners. */
  @Column({ type: 'uuid', array: true, name: 'member_agency_ids' })
  memberAgencyIds!: string[];

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

export function toWorkStreamDto(workStream: WorkStreamEntity): WorkStreamDto {
  return {
    id: workStream.id,
    number: workStream.number,
    title: workStream.title,
    mandate: workStream.mandate,
    status: workStream.status,
    convenerAgencyIds: workStream.convenerAgencyIds,
    memberAgencyIds: [...workStream.convenerAgencyIds, ...workStream.memberAgencyIds],
    version: workStream.version,
    createdAt: workStream.createdAt.toISOString(),
    updatedAt: workStream.updatedAt.toISOString(),
  };
}
