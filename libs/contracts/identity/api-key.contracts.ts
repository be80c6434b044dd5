import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { DOMAIN_EVENT_TYPES } from '../events.js';
import { Trim } from '../validation.js';

/** An integration's API key as listed; the key itself is never stored or shown again. */
export interface ApiKeyDto {
  id: string;
  name: string;
  /** Domain event types the integration may read. */
  eventTypes: string[];
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

/** The answer to creating a key: the only time the key is shown. */
export interface CreatedApiKeyDto {
  apiKey: ApiKeyDto;
  key: string;
}

/** Who holds a valid key: what the gateway turns into an integration caller. */
export interface VerifiedApiKeyDto {
  id: string;
  name: string;
  eventTypes: string[];
}

export class CreateApiKeyCommand {
  @Trim()
  @IsString()
  @Length(2, 100)
  name!: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'grant at least one event type' })
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsIn(DOMAIN_EVENT_TYPES, {
    each: true,
    message: 'each event type must be a Convene domain event type',
  })
  eventTypes!: string[];
}

export class RevokeApiKeyCommand {
  @IsUUID()
  id!: string;
}

/** The most keys a list answers; an IATT has a handful of integrations. */
export const MAX_API_KEYS = 500;

/** Lists keys, newest first. */
export class ListApiKeysQuery {
  @IsOptional()
  @IsBoolean()
  includeRevoked?: boolean;
}

export class VerifyApiKeyQuery {
  @IsString()
  @MaxLength(200)
  key!: string;
}
