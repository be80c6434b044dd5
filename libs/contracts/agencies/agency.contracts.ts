import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../pagination.js';
import { IsExactlyOneOf, IsOmittable, Trim } from '../validation.js';

export enum AgencyKind {
  UN_SECRETARIAT_DEPARTMENT = 'UN_SECRETARIAT_DEPARTMENT',
  SPECIALIZED_AGENCY = 'SPECIALIZED_AGENCY',
  FUND_OR_PROGRAMME = 'FUND_OR_PROGRAMME',
  REGIONAL_COMMISSION = 'REGIONAL_COMMISSION',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
  WORLD_BANK_GROUP = 'WORLD_BANK_GROUP',
  OTHER = 'OTHER',
}

/** Upper bound of one batch request (`…ByIds`); DataLoader batches stay below it. */
export const MAX_BATCH_SIZE = 1000;

const ACRONYM = /^[\p{L}\p{N}][\p{L}\p{N} .&'-]*$/u;
const ACRONYM_RULE =
  'acronym must start with a letter or digit and use only letters, digits, spaces, ".", "&", "\'" or "-"';
const WEB_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: true };

export interface AgencyDto {
  id: string;
  acronym: string;
  name: string;
  kind: AgencyKind;
  headquarters: string;
  website: string | null;
  archived: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export class AgencyFilter {
  @IsOptional()
  @IsEnum(AgencyKind)
  kind?: AgencyKind;

  /** Case-insensitive text match on acronym or name. */
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  search?: string;

  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

export class ListAgenciesQuery extends PageArgs {
  @IsOptional()
  @ValidateNested()
  @Type(() => AgencyFilter)
  filter?: AgencyFilter;
}

export class GetAgencyQuery {
  @ValidateIf((query: GetAgencyQuery) => query.id !== undefined || query.acronym === undefined)
  @IsExactlyOneOf(['id', 'acronym'])
  @IsUUID()
  id?: string;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 20)
  acronym?: string;
}

export class AgenciesByIdsQuery {
  @IsArray()
  @ArrayMaxSize(MAX_BATCH_SIZE)
  @IsUUID('all', { each: true })
  ids!: string[];
}

export class CreateAgencyCommand {
  @Trim()
  @IsString()
  @Length(2, 20)
  @Matches(ACRONYM, { message: ACRONYM_RULE })
  acronym!: string;

  @Trim()
  @IsString()
  @Length(2, 200)
  name!: string;

  @IsEnum(AgencyKind)
  kind!: AgencyKind;

  @Trim()
  @IsString()
  @Length(2, 100)
  headquarters!: string;

  @IsOptional()
  @Trim()
  @IsUrl(WEB_URL, { message: 'website must be an http or https URL' })
  @Length(1, 500)
  website?: string | null;
}

export class UpdateAgencyCommand {
  @IsUUID()
  id!: string;

  /** Optimistic concurrency: when given, the write is refused if the agency changed since. */
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @IsOmittable()
  @Trim()
  @IsString()
  @Length(2, 20)
  @Matches(ACRONYM, { message: ACRONYM_RULE })
  acronym?: string;

  @IsOmittable()
  @Trim()
  @IsString()
  @Length(2, 200)
  name?: string;

  @IsOmittable()
  @IsEnum(AgencyKind)
  kind?: AgencyKind;

  @IsOmittable()
  @Trim()
  @IsString()
  @Length(2, 100)
  headquarters?: string;

  /** null clears the website. */
  @IsOptional()
  @Trim()
  @IsUrl(WEB_URL, { message: 'website must be an http or https URL' })
  @Length(1, 500)
  website?: string | null;
}

export class ArchiveAgencyCommand {
  @IsUUID()
  id!: string;
}
