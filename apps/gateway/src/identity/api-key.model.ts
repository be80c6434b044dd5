import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';

@ObjectType({ description: "An integration's API key; the key itself is shown only when created." })
export class ApiKey {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [String], { description: 'Domain event types the integration may read.' })
  eventTypes!: string[];

  @Field({ description: 'Who created the key.' })
  createdBy!: string;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt!: string | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field({
    description:
      'The key, `cvk_…`: shown this once and never again (only its hash is stored). ' +
      'Send it as `Authorization: Bearer <key>`.',
  })
  key!: string;
}
