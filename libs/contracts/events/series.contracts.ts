import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Trim } from '../validation.js';

export interface SeriesDto {
  id: string;
  workStreamId: string;
  title: string;
  description: string | null;
  createdAt: string;
}

export class CreateSeriesCommand {
  @IsUUID()
  workStreamId!: string;

  @Trim()
  @IsString()
  @Length(3, 300)
  title!: string;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 5000)
  description?: string | null;
}
