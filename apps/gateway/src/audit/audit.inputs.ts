import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import type { AuditLogFilter, AuditLogQuery } from '#libs/contracts';

// GraphQL shapes of the audit contracts; the audit service validates every field.

@InputType()
export class AuditLogFilterInput implements AuditLogFilter {
  @Field({ nullable: true, description: 'The caller id that made the changes.' })
  actor?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'An object (a training, an agency…) or a part of one (a registration).',
  })
  objectId?: string;

  @Field({
    nullable: true,
    description: 'A domain event type, e.g. convene.events.training.scheduled.',
  })
  type?: string;

  @Field({ nullable: true, description: 'Changes at or after this ISO 8601 time.' })
  from?: string;

  @Field({ nullable: true, description: 'Changes before this ISO 8601 time.' })
  to?: string;
}

@ArgsType()
export class AuditLogArgs implements AuditLogQuery {
  @Field(() => AuditLogFilterInput, { nullable: true })
  filter?: AuditLogFilterInput;

  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
  first?: number;

  @Field({ nullable: true })
  after?: string;
}
