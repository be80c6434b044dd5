import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Max,
  Min,
  registerDecorator,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { PageArgs } from '../pagination.js';
import { IsOmittable, Trim } from '../validation.js';

export enum ResourceType {
  TRAINING_MATERIAL = 'TRAINING_MATERIAL',
  CASE_STUDY = 'CASE_STUDY',
  POLICY_GUIDE = 'POLICY_GUIDE',
  RECORDING = 'RECORDING',
  REPORT = 'REPORT',
  TOOLKIT = 'TOOLKIT',
  ROADMAP = 'ROADMAP',
}

export interface KnowledgeResourceDto {
  id: string;
  title: string;
  summary: string | null;
  body: string | null;
  type: ResourceType;
  url: string | null;
  language: string;
  publishedOn: string | null;
  license: string | null;
  agencyIds: string[];
  workStreamId: string | null;
  trainingIds: string[];
  sessionIds: string[];
  topics: string[];
  sdgs: number[];
  archived: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface ResourceSearchResult {
  edges: {
    cursor: string;
    rank: number | null;
    snippet: string | null;
    node: KnowledgeResourceDto;
  }[];
  totalCount: number;
  hasNextPage: boolean;
  facets: {
    types: FacetCount[];
    agencies: FacetCount[];
    workStreams: FacetCount[];
    trainings: FacetCount[];
    topics: FacetCount[];
    sdgs: FacetCount[];
    languages: FacetCount[];
    /** By year of publication. */
    years: FacetCount[];
  };
}

/** A BCP 47 language tag, such as en, fr-CA or zh-Hans. */
export function IsLanguageTag(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLanguageTag',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be a BCP 47 language tag, such as en or fr-CA`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value))
            return false;
          try {
            return Intl.getCanonicalLocales(value).length === 1;
          } catch {
            return false;
          }
        },
      },
    });
}

const WEB_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: true };
const SDG_RULE = { each: true, message: 'each SDG must be a goal number from 1 to 17' };

class ResourceDetails {
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 2000)
  summary?: string | null;

  @IsOptional()
  @IsString()
  @Length(1, 200_000)
  body?: string | null;

  @IsOptional()
  @IsUrl(WEB_URL, { message: 'url must be an http or https URL' })
  @Length(1, 2000)
  url?: string | null;

  @IsOptional()
  @IsDateString({ strict: true }, { message: 'publishedOn must be a date, such as 2020-12-15' })
  publishedOn?: string | null;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  license?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  agencyIds?: string[];

  @IsOptional()
  @IsUUID()
  workStreamId?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  topics?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(17)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, SDG_RULE)
  @Max(17, SDG_RULE)
  sdgs?: number[];
}

export class PublishResourceCommand extends ResourceDetails {
  @Trim()
  @IsString()
  @Length(3, 300)
  title!: string;

  @IsEnum(ResourceType)
  type!: ResourceType;

  @IsLanguageTag()
  language!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  trainingIds?: string[];

  /** Sessions of those trainings the resource belongs to. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  sessionIds?: string[];
}

export class UpdateResourceCommand extends ResourceDetails {
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
  @IsEnum(ResourceType)
  type?: ResourceType;

  @IsOmittable()
  @IsLanguageTag()
  language?: string;
}

/** Adds (link) or removes (unlink) trainings and sessions of a resource. */
export class LinkResourceCommand {
  @IsUUID()
  id!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  trainingIds?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  sessionIds?: string[];
}

export class ResourceFilter {
  @IsOptional()
  @IsEnum(ResourceType)
  type?: ResourceType;

  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @IsOptional()
  @IsUUID()
  workStreamId?: string;

  @IsOptional()
  @IsUUID()
  trainingId?: string;

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

  @IsOptional()
  @IsLanguageTag()
  language?: string;

  @IsOptional()
  @IsDateString({ strict: true }, { message: 'publishedFrom must be a date, such as 2020-01-01' })
  publishedFrom?: string;

  @IsOptional()
  @IsDateString({ strict: true }, { message: 'publishedTo must be a date, such as 2020-12-31' })
  publishedTo?: string;
}

export class SearchResourcesQuery extends PageArgs {
  /** Web search syntax: "exact phrase", OR, -excluded. Blank lists everything by date. */
  @IsOptional()
  @IsString()
  @Length(0, 200)
  search?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ResourceFilter)
  filter?: ResourceFilter;
}
