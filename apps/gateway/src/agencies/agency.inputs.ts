import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  AgencyKind,
  type AddPersonCommand,
  type AgencyFilter,
  type CreateAgencyCommand,
  type ListAgenciesQuery,
  type UpdateAgencyCommand,
  type UpdatePersonCommand,
} from '#libs/contracts';

// GraphQL shapes of the agencies contracts. They only describe; the agencies service
// validates every field against the contract classes and names the ones that fail.

@InputType()
export class AgencyFilterInput implements AgencyFilter {
  @Field(() => AgencyKind, { nullable: true })
  kind?: AgencyKind;

  @Field({ nullable: true, description: 'Case-insensitive match on acronym or name.' })
  search?: string;

  @Field({ nullable: true, defaultValue: false })
  includeArchived?: boolean;
}

@ArgsType()
export class AgenciesArgs implements ListAgenciesQuery {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
  first?: number;

  @Field({ nullable: true, description: 'The endCursor of the previous page.' })
  after?: string;

  @Field(() => AgencyFilterInput, { nullable: true })
  filter?: AgencyFilterInput;
}

@InputType()
export class CreateAgencyInput implements CreateAgencyCommand {
  @Field()
  acronym!: string;

  @Field()
  name!: string;

  @Field(() => AgencyKind)
  kind!: AgencyKind;

  @Field()
  headquarters!: string;

  @Field(() => String, { nullable: true })
  website?: string | null;
}

@InputType({ description: 'Fields left out stay as they are; website: null clears it.' })
export class UpdateAgencyInput implements UpdateAgencyCommand {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Refuse the update if the agency has changed since this version.',
  })
  expectedVersion?: number;

  @Field({ nullable: true })
  acronym?: string;

  @Field({ nullable: true })
  name?: string;

  @Field(() => AgencyKind, { nullable: true })
  kind?: AgencyKind;

  @Field({ nullable: true })
  headquarters?: string;

  @Field(() => String, { nullable: true })
  website?: string | null;
}

@InputType()
export class AddPersonInput implements AddPersonCommand {
  @Field(() => ID)
  agencyId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  division?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

@InputType({
  description: 'Fields left out stay as they are; null clears title, division or email.',
})
export class UpdatePersonInput implements UpdatePersonCommand {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number;

  @Field({ nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  division?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}
