import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  WorkStreamStatus,
  type CreateWorkStreamCommand,
  type ListWorkStreamsQuery,
  type UpdateWorkStreamCommand,
  type WorkStreamFilter,
} from '#libs/contracts';

// GraphQL shapes of the work streams contracts; the work streams service validates them.

@InputType()
export class WorkStreamFilterInput implements WorkStreamFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'Work streams this agency convenes or belongs to.',
  })
  agencyId?: string;

  @Field(() => WorkStreamStatus, { nullable: true })
  status?: WorkStreamStatus;
}

@ArgsType()
export class WorkStreamsArgs implements ListWorkStreamsQuery {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
  first?: number;

  @Field({ nullable: true })
  after?: string;

  @Field(() => WorkStreamFilterInput, { nullable: true })
  filter?: WorkStreamFilterInput;
}

@InputType()
export class CreateWorkStreamInput implements CreateWorkStreamCommand {
  @Field(() => Int)
  number!: number;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  mandate?: string | null;

  @Field(() => [ID], { description: 'At least one: the co-conveners.' })
  convenerAgencyIds!: string[];

  @Field(() => [ID], { nullable: true, description: 'Members besides the conveners.' })
  memberAgencyIds?: string[];
}

@InputType({
  description: 'Fields left out stay as they are; the agency lists replace the current ones.',
})
export class UpdateWorkStreamInput implements UpdateWorkStreamCommand {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number;

  @Field({ nullable: true })
  title?: string;

  @Field(() => String, { nullable: true })
  mandate?: string | null;

  @Field(() => WorkStreamStatus, { nullable: true })
  status?: WorkStreamStatus;

  @Field(() => [ID], { nullable: true })
  convenerAgencyIds?: string[];

  @Field(() => [ID], { nullable: true })
  memberAgencyIds?: string[];
}
