import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ResourceType } from '#libs/contracts';
import { PageInfo } from '../graphql/connection.js';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';

registerEnumType(ResourceType, { name: 'ResourceType' });

@ObjectType({ description: 'A Sustainable Development Goal.' })
export class Sdg {
  @Field(() => Int)
  number!: number;

  @Field({ description: 'The official short title.' })
  title!: string;
}

@ObjectType({
  description: 'Material a training produced or uses: slides, a recording, a case study, a guide…',
})
export class KnowledgeResource {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => String, { nullable: true })
  body!: string | null;

  @Field(() => ResourceType)
  type!: ResourceType;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field({ description: 'BCP 47 language tag.' })
  language!: string;

  @Field(() => String, { nullable: true, description: 'A date, YYYY-MM-DD.' })
  publishedOn!: string | null;

  @Field(() => String, { nullable: true })
  license!: string | null;

  @Field(() => [String], { description: 'In the shared STI vocabulary where they match it.' })
  topics!: string[];

  @Field({ description: 'Archived resources are kept and can no longer change.' })
  archived!: boolean;

  @Field(() => Int)
  version!: number;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;
}

@ObjectType()
export class FacetCount {
  @Field({ description: 'The value (an id for agencies, work streams and trainings).' })
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description: 'How the matching resources spread over each filter, every filter applied.',
})
export class ResourceFacets {
  @Field(() => [FacetCount])
  types!: FacetCount[];

  @Field(() => [FacetCount])
  agencies!: FacetCount[];

  @Field(() => [FacetCount])
  workStreams!: FacetCount[];

  @Field(() => [FacetCount])
  trainings!: FacetCount[];

  @Field(() => [FacetCount])
  topics!: FacetCount[];

  @Field(() => [FacetCount])
  sdgs!: FacetCount[];

  @Field(() => [FacetCount])
  languages!: FacetCount[];

  @Field(() => [FacetCount], { description: 'By year of publication.' })
  years!: FacetCount[];
}

@ObjectType()
export class KnowledgeResourceEdge {
  @Field()
  cursor!: string;

  @Field(() => Float, { nullable: true, description: 'Relevance, when searching.' })
  rank!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Matching text with <mark> highlights, when searching.',
  })
  snippet!: string | null;

  @Field(() => KnowledgeResource)
  node!: KnowledgeResource;
}

@ObjectType()
export class KnowledgeResourceSearchResult {
  @Field(() => [KnowledgeResourceEdge])
  edges!: KnowledgeResourceEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;

  @Field(() => ResourceFacets)
  facets!: ResourceFacets;
}
