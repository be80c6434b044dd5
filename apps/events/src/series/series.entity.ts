import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SeriesDto } from '#libs/contracts';

@Entity({ name: 'series' })
export class SeriesEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'work_stream_id' })
  workStreamId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

export function toSeriesDto(series: SeriesEntity): SeriesDto {
  return {
    id: series.id,
    workStreamId: series.workStreamId,
    title: series.title,
    description: series.description,
    createdAt: series.createdAt.toISOString(),
  };
}
