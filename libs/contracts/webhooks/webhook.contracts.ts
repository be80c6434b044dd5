import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  MaxLength,
  registerDecorator,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { MAX_BATCH_SIZE } from '../agencies/agency.contracts.js';
import { DOMAIN_EVENT_TYPES } from '../events.js';
import { PageArgs } from '../pagination.js';
import { Trim } from '../validation.js';

export enum WebhookDeliveryStatus {
  /** Waiting for its next attempt (or paused while its endpoint is disabled). */
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  /** Every attempt of the retry schedule failed, or the endpoint answered 410 Gone. */
  FAILED = 'FAILED',
}

export interface WebhookEndpointDto {
  id: string;
  url: string;
  description: string | null;
  /** The event types delivered; empty when `allEventTypes`. */
  eventTypes: string[];
  allEventTypes: boolean;
  enabled: boolean;
  /** Why it was disabled: by a caller, or because it answered 410 Gone. */
  disabledReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Answered once, at registration and rotation: the only time the secret leaves the service. */
export interface WebhookEndpointWithSecretDto {
  endpoint: WebhookEndpointDto;
  secret: string;
}

export interface WebhookAttemptDto {
  /** 1, 2, … over the delivery's whole life, replays included. */
  number: number;
  /** 0 for the first series of attempts, 1 for the first replay, … */
  series: number;
  attemptedAt: string;
  /** The HTTP status the endpoint answered; null when there was no answer. */
  statusCode: number | null;
  /** Why there was no usable answer: a timeout, a refused connection, a private address. */
  error: string | null;
  latencyMs: number;
  succeeded: boolean;
}

export interface WebhookDeliveryDto {
  id: string;
  endpointId: string;
  /** The event id, sent as `webhook-id`: the same on every attempt and replay. */
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  nextAttemptAt: string | null;
  createdAt: string;
  completedAt: string | null;
  /** Oldest first. */
  attempts: WebhookAttemptDto[];
}

/** Each item of the list is a known domain event type; the message names the unknown ones. */
function IsDomainEventTypeList(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDomainEventType',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: ({ value }) =>
          `unknown event type ${(Array.isArray(value) ? value : [value])
            .filter((type) => !(DOMAIN_EVENT_TYPES as readonly unknown[]).includes(type))
            .map((type) => JSON.stringify(type))
            .join(', ')}; the webhookEventTypes query lists the known ones`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.every((type) => (DOMAIN_EVENT_TYPES as readonly unknown[]).includes(type)),
      },
    });
}

/** A list of event types and "all of them" together would leave the intent unclear. */
function IsAbsentWhenAllEventTypes(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notWithAllEventTypes',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'give eventTypes or allEventTypes: true, not both' },
      validator: {
        validate: (_value: unknown, args) =>
          (args?.object as { allEventTypes?: unknown }).allEventTypes !== true,
      },
    });
}

export class RegisterWebhookEndpointCommand {
  /** http or https; whether private addresses are allowed is the service's configuration. */
  @Trim()
  @IsString()
  @MaxLength(2048)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http:// or https:// URL' },
  )
  url!: string;

  /** The types to deliver; leave out only when `allEventTypes` is true. */
  @ValidateIf(
    (command: RegisterWebhookEndpointCommand) =>
      command.allEventTypes !== true || command.eventTypes !== undefined,
  )
  @IsAbsentWhenAllEventTypes()
  @IsArray({ message: 'eventTypes must list at least one event type, or set allEventTypes' })
  @ArrayMinSize(1, {
    message: 'eventTypes must list at least one event type, or set allEventTypes',
  })
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsDomainEventTypeList()
  eventTypes?: string[];

  /** An explicit choice to receive every event type, present and future. */
  @IsOptional()
  @IsBoolean()
  allEventTypes?: boolean;

  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 500)
  description?: string | null;
}

export class ListWebhookEndpointsQuery extends PageArgs {}

export class WebhookDeliveryPagesQuery extends PageArgs {
  @IsArray()
  @ArrayMaxSize(MAX_BATCH_SIZE)
  @IsUUID('all', { each: true })
  endpointIds!: string[];

  @IsOptional()
  @IsEnum(WebhookDeliveryStatus)
  status?: WebhookDeliveryStatus;
}
