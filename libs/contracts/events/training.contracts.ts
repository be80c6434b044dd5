import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_BATCH_SIZE } from '../agencies/agency.contracts.js';
import { PageArgs } from '../pagination.js';
import { IsOmittable, Trim } from '../validation.js';
import { AssignmentRole } from './assignment.contracts.js';
import { IsIsoDateTime } from './date-time.js';

export enum TrainingKind {
  WEBINAR = 'WEBINAR',
  TRAINING_WORKSHOP = 'TRAINING_WORKSHOP',
  AWARENESS_SESSION = 'AWARENESS_SESSION',
  MEETING = 'MEETING',
}

export enum TrainingFormat {
  ONLINE = 'ONLINE',
  IN_PERSON = 'IN_PERSON',
  HYBRID = 'HYBRID',
}

export enum TrainingStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

export interface TrainingDto {
  id: string;
  workStreamId: string;
  seriesId: string | null;
  followsId: string | null;
  title: string;
  description: string | null;
  kind: TrainingKind;
  format: TrainingFormat;
  status: TrainingStatus;
  topics: string[];
  sdgs: number[];
  targetAudience: string | null;
  capacity: number | null;
  venue: string | null;
  onlineUrl: string | null;
  /** Start of the first session and end of the last, when there are sessions. */
  startsAt: string | null;
  endsAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const WEB_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: true };
const URL_RULE = { message: 'onlineUrl must be an http or https URL' };

/** Fields a convener sets when creating a training and may change later. */
class TrainingDetails {
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 10_000)
  description?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  topics?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(17)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true, message: 'each SDG must be a goal number from 1 to 17' })
  @Max(17, { each: true, message: 'each SDG must be a goal number from 1 to 17' })
  sdgs?: number[];

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 1000)
  targetAudience?: string | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 500)
  venue?: string | null;

  @IsOptional()
  @IsUrl(WEB_URL, URL_RULE)
  @Length(1, 2000)
  onlineUrl?: string | null;

  @IsOptional()
  @IsUUID()
  seriesId?: string | null;

  /** The earlier training this one follows (an online awareness session → an in-person deep dive). */
  @IsOptional()
  @IsUUID()
  followsId?: string | null;
}

export class CreateTrainingCommand extends TrainingDetails {
  @IsUUID()
  workStreamId!: string;

  @Trim()
  @IsString()
  @Length(3, 300)
  title!: string;

  @IsEnum(TrainingKind)
  kind!: TrainingKind;

  @IsEnum(TrainingFormat)
  format!: TrainingFormat;
}

export class UpdateTrainingCommand extends TrainingDetails {
  @IsUUID()
  id!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @IsOmittable()
  @Trim()
  @IsString()
  @Length(3, 300)
  title?: string;

  @IsOmittable()
  @IsEnum(TrainingKind)
  kind?: TrainingKind;

  @IsOmittable()
  @IsEnum(TrainingFormat)
  format?: TrainingFormat;
}

/** Moves a training along its lifecycle: draft → scheduled → in progress → completed, or cancelled. */
export class TransitionTrainingCommand {
  @IsUUID()
  id!: string;

  @IsEnum(TrainingStatus)
  status!: TrainingStatus;

  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class TrainingFilter {
  @IsOptional()
  @IsUUID()
  workStreamId?: string;

  @IsOptional()
  @IsUUID()
  seriesId?: string;

  /** Trainings this agency has an assignment in (with `role`, in that role). */
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @IsOptional()
  @IsEnum(AssignmentRole)
  role?: AssignmentRole;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsEnum(TrainingStatus, { each: true })
  statuses?: TrainingStatus[];

  /** Trainings with a session ending after this time. */
  @IsOptional()
  @IsIsoDateTime()
  from?: string;

  /** Trainings with a session starting before this time. */
  @IsOptional()
  @IsIsoDateTime()
  to?: string;

  @IsOptional()
  @IsEnum(TrainingFormat)
  format?: TrainingFormat;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  topic?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(17)
  sdg?: number;

  /** Trainings with a participant from this country (ISO 3166-1 alpha-2). */
  @IsOptional()
  @IsISO31661Alpha2()
  participantCountry?: string;
}

export class ListTrainingsQuery extends PageArgs {
  @IsOptional()
  @ValidateNested()
  @Type(() => TrainingFilter)
  filter?: TrainingFilter;
}

export class IdQuery {
  @IsUUID()
  id!: string;
}

export class IdsQuery {
  @IsArray()
  @ArrayMaxSize(MAX_BATCH_SIZE)
  @IsUUID('all', { each: true })
  ids!: string[];
}
