import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { MAX_BATCH_SIZE } from '../agencies/agency.contracts.js';

/** Who does what for a training. */
export enum AssignmentRole {
  CONVENER = 'CONVENER',
  CO_CONVENER = 'CO_CONVENER',
  ORGANIZER = 'ORGANIZER',
  TRAINER = 'TRAINER',
  CONTRIBUTOR = 'CONTRIBUTOR',
}

export interface AssignmentDto {
  id: string;
  trainingId: string;
  agencyId: string;
  personId: string | null;
  role: AssignmentRole;
}

export class AssignCommand {
  @IsUUID()
  trainingId!: string;

  @IsUUID()
  agencyId!: string;

  /** Someone of that agency, or nobody in particular. */
  @IsOptional()
  @IsUUID()
  personId?: string | null;

  @IsEnum(AssignmentRole)
  role!: AssignmentRole;
}

export class AssignmentsByAgencyIdsQuery {
  @IsArray()
  @ArrayMaxSize(MAX_BATCH_SIZE)
  @IsUUID('all', { each: true })
  agencyIds!: string[];

  @IsOptional()
  @IsEnum(AssignmentRole)
  role?: AssignmentRole;
}
