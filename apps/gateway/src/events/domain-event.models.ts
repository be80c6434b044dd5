import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { DOMAIN_EVENT_TYPES, type CloudEvent, type DomainEventType } from '#libs/contracts';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { JsonScalar } from '../graphql/json.scalar.js';

@ObjectType({
  description:
    'A change that committed somewhere in Convene: a CloudEvents 1.0 envelope from the domain-event stream.',
})
export class DomainEvent {
  @Field(() => ID, { description: 'Unique; pass it as `after` to resume after this event.' })
  id!: string;

  @Field({
    description: 'convene.<service>.<entity>.<action>, e.g. convene.events.training.scheduled.',
  })
  type!: string;

  @Field({ description: 'The service that recorded it, e.g. /convene/events.' })
  source!: string;

  @Field(() => ID, {
    description: 'Id of the thing it is about (a training for its sessions, assignments…).',
  })
  subject!: string;

  @Field(() => DateTimeScalar)
  time!: string;

  @Field({ description: 'Id of the caller who made the change.' })
  actor!: string;

  @Field({ description: 'Correlation id of the request that made the change.' })
  correlationId!: string;

  @Field(() => JsonScalar, {
    description:
      'The payload of this type; events about a training or its parts carry trainingId and workStreamId.',
  })
  data!: Record<string, unknown>;
}

export function toDomainEventModel(event: CloudEvent<Record<string, unknown>>): DomainEvent {
  return {
    id: event.id,
    type: event.type,
    source: event.source,
    subject: event.subject,
    time: event.time,
    actor: event.conveneactor,
    correlationId: event.convenecorrelationid,
    data: event.data,
  };
}

@ObjectType({
  description: 'Something about a training changed: the event, and the training as it is now.',
})
export class TrainingChange {
  @Field(() => DomainEvent)
  event!: DomainEvent;

  /** Read when the change is sent, so `training` is its state after this event (or a later one). */
  trainingId!: string;
}

@InputType({ description: 'All given conditions must hold.' })
export class DomainEventFilterInput {
  @Field(() => [String], { nullable: true, description: 'Only these event types.' })
  @IsOptional()
  @ArrayMaxSize(DOMAIN_EVENT_TYPES.length)
  @IsIn(DOMAIN_EVENT_TYPES, { each: true, message: 'each of types must be a domain event type' })
  types?: DomainEventType[];

  @Field(() => ID, {
    nullable: true,
    description: 'Only events about this work stream, its trainings, series and materials.',
  })
  @IsOptional()
  @IsUUID()
  workStreamId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Only events about this training, its parts and its materials.',
  })
  @IsOptional()
  @IsUUID()
  trainingId?: string;
}

/** The arguments of `domainEvents`, validated in the gateway: no service sees them. */
export class DomainEventsArgs {
  @IsOptional()
  @ValidateNested()
  @Type(() => DomainEventFilterInput)
  filter?: DomainEventFilterInput | null;

  @IsOptional()
  @IsUUID(undefined, { message: 'after must be the id of an event' })
  after?: string | null;
}

export class TrainingChangedArgs {
  @IsUUID()
  id!: string;

  @IsOptional()
  @IsUUID(undefined, { message: 'after must be the id of an event' })
  after?: string | null;
}
