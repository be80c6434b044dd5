import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../graphql/connection.js';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';

@ObjectType({
  description: 'One change as the audit log keeps it: who did what to which object, and when.',
})
export class AuditEntry {
  @Field(() => ID, { description: 'The domain event’s id; one entry per event.' })
  eventId!: string;

  @Field(() => DateTimeScalar, { description: 'When the change committed.' })
  occurredAt!: string;

  @Field({ description: 'The id of the caller that made the change (`system` for the system).' })
  actor!: string;

  @Field({ description: 'The domain event type, e.g. convene.events.training.scheduled.' })
  type!: string;

  @Field({ description: 'The service that made the change, e.g. events.' })
  service!: string;

  @Field({ description: 'The kind of thing changed, e.g. training, registration.' })
  entity!: string;

  @Field({ description: 'What was done to it, e.g. scheduled.' })
  action!: string;

  @Field(() => ID, { description: 'The object the change belongs to (the event’s subject).' })
  objectId!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The changed entity’s own id when it is a part of the object, such as a registration of a training.',
  })
  entityId!: string | null;

  @Field({ description: 'The request the change came from (`x-request-id`).' })
  correlationId!: string;
}

export const AuditEntryConnection = ConnectionType(AuditEntry, 'AuditEntry');
