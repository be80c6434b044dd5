import { Type } from 'class-transformer';
import { IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { IsIsoDateTime } from '../events/date-time.js';
import { PageArgs } from '../pagination.js';

/** One domain event as the audit log keeps it: who did what to which object, and when. */
export interface AuditEntryDto {
  /** The domain event's id: the audit log holds one entry per event. */
  eventId: string;
  /** When the change committed (the event's time). */
  occurredAt: string;
  /** The caller that made the change (`conveneactor`). */
  actor: string;
  /** The event type, e.g. `convene.events.training.scheduled`. */
  type: string;
  /** The service that made the change, e.g. `events`. */
  service: string;
  /** The kind of entity changed, e.g. `training`, `registration`. */
  entity: string;
  /** What was done to it, e.g. `scheduled`. */
  action: string;
  /** The aggregate the event is about (the CloudEvents subject). */
  objectId: string;
  /** The changed entity's own id when it is not the aggregate (a registration of a training). */
  entityId: string | null;
  correlationId: string;
}

export class AuditLogFilter {
  /** The caller id recorded as actor. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  actor?: string;

  /** An aggregate id, or the id of the entity changed within it. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  objectId?: string;

  @IsOptional()
  @Matches(/^convene\.[a-z]+\.[a-z]+\.[a-z]+$/, {
    message: 'type must be a domain event type, such as convene.events.training.scheduled',
  })
  type?: string;

  /** From this instant on (inclusive). */
  @IsOptional()
  @IsIsoDateTime()
  from?: string;

  /** Before this instant (exclusive). */
  @IsOptional()
  @IsIsoDateTime()
  to?: string;
}

/** Newest first. */
export class AuditLogQuery extends PageArgs {
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditLogFilter)
  filter?: AuditLogFilter;
}
