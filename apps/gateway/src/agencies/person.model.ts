import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';

@ObjectType({ description: 'Someone at an agency: a focal point, convener or trainer.' })
export class Person {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  division!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field({
    description: 'Removed people no longer appear in their agency but still resolve where named.',
  })
  removed!: boolean;

  @Field(() => Int)
  version!: number;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;
}
