import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_BATCH_SIZE } from '../agencies/agency.contracts.js';
import { PageArgs } from '../pagination.js';
import { IsExactlyOneOf, IsOmittable, Trim } from '../validation.js';

export enum WorkStreamStatus {
  ACTIVE = 'ACTIVE',
  CONCLUDED = 'CONCLUDED',
}

export interface WorkStreamDto {
  id: string;
  number: number;
  title: string;
  mandate: string | null;
  status: WorkStreamStatus;
  /** The co-conveners; always also members. */
  convenerAgencyIds: string[];
  /** Every member agency, conveners included. */
  memberAgencyIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export class WorkStreamFilter {
  /** Work streams this agency convenes or is a member of. */
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @IsOptional()
  @IsEnum(WorkStreamStatus)
  status?: WorkStreamStatus;
}

export class ListWorkStreamsQuery extends PageArgs {
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkStreamFilter)
  filter?: WorkStreamFilter;
}

export class GetWorkStreamQuery {
  @ValidateIf((query: GetWorkStreamQuery) => query.id !== undefined || query.number === undefined)
  @IsExactlyOneOf(['id', 'number'])
  @IsUUID()
  id?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  number?: number;
}

export class WorkStreamsByIdsQuery {
  @IsArray()
  @ArrayMaxSize(MAX_BATCH_SIZE)
  @IsUUID('all', { each: true })
  ids!: string[];
}

export class WorkStreamsByAgencyIdsQuery {
  @IsArray()
  @ArrayMaxSize(MAX_BATCH_SIZE)
  @IsUUID('all', { each: true })
  agencyIds!: string[];
}

export class CreateWorkStreamCommand {
  @IsInt()
  @Min(1)
  @Max(999)
  number!: number;

  @Trim()
  @IsString()
  @Length(2, 200)
  title!: string;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 4000)
  mandate?: string | null;

  @IsArray()
  @ArrayMinSize(1, { message: 'a work stream needs at least one convening agency' })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  convenerAgencyIds!: string[];

  /** Members besides the conveners. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberAgencyIds?: string[];
}

export class UpdateWorkStreamCommand {
  @IsUUID()
  id!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @IsOmittable()
  @Trim()
  @IsString()
  @Length(2, 200)
  title?: string;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 4000)
  mandate?: string | null;

  @IsOmittable()
  @IsEnum(WorkStreamStatus)
  status?: WorkStreamStatus;

  /** Replaces the conveners. */
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1, { message: 'a work stream needs at least one convening agency' })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  convenerAgencyIds?: string[];

  /** Replaces the members besides the conveners. */
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberAgencyIds?: string[];
}
