import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ResourceType,
  type LinkResourceCommand,
  type PublishResourceCommand,
  type ResourceFilter,
  type SearchResourcesQuery,
  type UpdateResourceCommand,
} from '#libs/contracts';

// GraphQL shapes of the knowledge contracts; the knowledge service validates every field.

@InputType()
export class ResourceFilterInput implements ResourceFilter {
  @Field(() => ResourceType, { nullable: true })
  type?: ResourceType;

  @Field(() => ID, { nullable: true })
  agencyId?: string;

  @Field(() => ID, { nullable: true })
  workStreamId?: string;

  @Field(() => ID, { nullable: true })
  trainingId?: string;

  @Field({ nullable: true, description: 'Matched to the shared vocabulary, whatever the case.' })
  topic?: string;

  @Field(() => Int, { nullable: true })
  sdg?: number;

  @Field({ nullable: true })
  language?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD.' })
  publishedFrom?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD.' })
  publishedTo?: string;
}

@ArgsType()
export class KnowledgeResourcesArgs implements SearchResourcesQuery {
  @Field({ nullable: true, description: 'Web search syntax: "exact phrase", OR, -excluded.' })
  search?: string;

  @Field(() => ResourceFilterInput, { nullable: true })
  filter?: ResourceFilterInput;

  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
  first?: number;

  @Field({ nullable: true })
  after?: string;
}

@InputType()
class ResourceDetailsInput {
  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  body?: string | null;

  @Field(() => String, { nullable: true, description: 'http or https.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  publishedOn?: string | null;

  @Field(() => String, { nullable: true })
  license?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Authoring agencies.' })
  agencyIds?: string[];

  @Field(() => ID, { nullable: true })
  workStreamId?: string | null;

  @Field(() => [String], { nullable: true })
  topics?: string[];

  @Field(() => [Int], { nullable: true, description: 'SDG goal numbers, 1 to 17.' })
  sdgs?: number[];
}

@InputType()
export class PublishResourceInput extends ResourceDetailsInput implements PublishResourceCommand {
  @Field()
  title!: string;

  @Field(() => ResourceType)
  type!: ResourceType;

  @Field({ description: 'BCP 47, e.g. en or fr-CA.' })
  language!: string;

  @Field(() => [ID], { nullable: true })
  trainingIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Sessions of those trainings.' })
  sessionIds?: string[];
}

@InputType({ description: 'Fields left out stay as they are.' })
export class UpdateResourceInput extends ResourceDetailsInput implements UpdateResourceCommand {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number;

  @Field({ nullable: true })
  title?: string;

  @Field(() => ResourceType, { nullable: true })
  type?: ResourceType;

  @Field({ nullable: true })
  language?: string;
}

@InputType()
export class LinkResourceInput implements LinkResourceCommand {
  @Field(() => ID)
  id!: string;

  @Field(() => [ID], { nullable: true })
  trainingIds?: string[];

  @Field(() => [ID], { nullable: true })
  sessionIds?: string[];
}
