import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import {
  KnowledgeRpc,
  SDGS,
  STI_TOPICS,
  type AgencyDto,
  type KnowledgeResourceDto,
  type ResourceSearchResult,
  type TrainingDto,
  type WorkStreamDto,
} from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { Agency } from '../agencies/agency.model.js';
import { loadReferenced } from '../graphql/batch-loader.js';
import { toConnection } from '../graphql/connection.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { Training } from '../trainings/training.models.js';
import { WorkStream } from '../workstreams/work-stream.model.js';
import {
  KnowledgeResourcesArgs,
  LinkResourceInput,
  PublishResourceInput,
  UpdateResourceInput,
} from './knowledge.inputs.js';
import { KnowledgeResource, KnowledgeResourceSearchResult, Sdg } from './knowledge.models.js';

@Resolver(() => KnowledgeResource)
export class KnowledgeResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => KnowledgeResourceSearchResult, {
    description:
      'Full-text search (ranked, with highlighted snippets) with filters and facet counts.',
  })
  async knowledgeResources(
    @Args() args: KnowledgeResourcesArgs,
    @Context() context: GatewayContext,
  ) {
    const result: ResourceSearchResult = await this.rpc.request(
      KnowledgeRpc.search,
      { ...args },
      context.call,
    );
    return { ...toConnection(result, args.after), edges: result.edges, facets: result.facets };
  }

  @Query(() => KnowledgeResource, { nullable: true })
  knowledgeResource(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
  ): Promise<KnowledgeResourceDto> {
    return this.rpc.request(KnowledgeRpc.get, { id }, context.call);
  }

  @Query(() => [Sdg], { description: 'The 17 Sustainable Development Goals.' })
  sdgGoals(): Sdg[] {
    return SDGS;
  }

  @Query(() => [String], {
    description: 'The STI topic vocabulary trainings, feedback and resources share.',
  })
  stiTopics(): string[] {
    return STI_TOPICS;
  }

  @ResolveField(() => [Sdg])
  sdgs(@Parent() resource: KnowledgeResourceDto): Sdg[] {
    return SDGS.filter((goal) => resource.sdgs.includes(goal.number));
  }

  @ResolveField(() => [Agency], { description: 'The authoring agencies.' })
  async agencies(
    @Parent() resource: KnowledgeResourceDto,
    @Context() context: GatewayContext,
  ): Promise<AgencyDto[]> {
    return Promise.all(
      resource.agencyIds.map((id) => loadReferenced(context.loaders.agencyById, id, 'agency')),
    );
  }

  @ResolveField(() => [Training], {
    description: 'The trainings the resource belongs to (drafts only for who may see them).',
  })
  async trainings(
    @Parent() resource: KnowledgeResourceDto,
    @Context() context: GatewayContext,
  ): Promise<TrainingDto[]> {
    const trainings = await context.loaders.trainingById.loadMany(resource.trainingIds);
    return trainings.filter((training): training is TrainingDto => {
      if (training instanceof Error) throw training;
      return training !== null;
    });
  }

  @ResolveField(() => WorkStream, { nullable: true })
  workStream(
    @Parent() resource: KnowledgeResourceDto,
    @Context() context: GatewayContext,
  ): Promise<WorkStreamDto> | null {
    return resource.workStreamId
      ? loadReferenced(context.loaders.workStreamById, resource.workStreamId, 'work stream')
      : null;
  }

  @Mutation(() => KnowledgeResource)
  publishResource(
    @Args('input') input: PublishResourceInput,
    @Context() context: GatewayContext,
  ): Promise<KnowledgeResourceDto> {
    return this.rpc.request(KnowledgeRpc.publish, { ...input }, context.call);
  }

  @Mutation(() => KnowledgeResource)
  updateResource(
    @Args('input') input: UpdateResourceInput,
    @Context() context: GatewayContext,
  ): Promise<KnowledgeResourceDto> {
    return this.rpc.request(KnowledgeRpc.update, { ...input }, context.call);
  }

  @Mutation(() => KnowledgeResource, { description: 'Adds trainings and sessions to a resource.' })
  linkResource(
    @Args('input') input: LinkResourceInput,
    @Context() context: GatewayContext,
  ): Promise<KnowledgeResourceDto> {
    return this.rpc.request(KnowledgeRpc.link, { ...input }, context.call);
  }

  @Mutation(() => KnowledgeResource, {
    description: 'Removes trainings and sessions from a resource.',
  })
  unlinkResource(
    @Args('input') input: LinkResourceInput,
    @Context() context: GatewayContext,
  ): Promise<KnowledgeResourceDto> {
    return this.rpc.request(KnowledgeRpc.unlink, { ...input }, context.call);
  }

  @Mutation(() => KnowledgeResource, {
    description: 'Archives a resource: kept, no longer listed or changed.',
  })
  archiveResource(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
  ): Promise<KnowledgeResourceDto> {
    return this.rpc.request(KnowledgeRpc.archive, { id }, context.call);
  }
}

@Resolver(() => Training)
export class TrainingMaterialsResolver {
  @ResolveField(() => [KnowledgeResource], {
    description: 'Current knowledge resources of the training.',
  })
  materials(
    @Parent() training: TrainingDto,
    @Context() context: GatewayContext,
  ): Promise<KnowledgeResourceDto[]> {
    return context.loaders.resourcesByTrainingId.load(training.id);
  }
}

@Resolver(() => WorkStream)
export class WorkStreamResourcesResolver {
  @ResolveField(() => [KnowledgeResource])
  resources(
    @Parent() workStream: WorkStreamDto,
    @Context() context: GatewayContext,
  ): Promise<KnowledgeResourceDto[]> {
    return context.loaders.resourcesByWorkStreamId.load(workStream.id);
  }
}

@Resolver(() => Agency)
export class AgencyResourcesResolver {
  @ResolveField(() => [KnowledgeResource], { description: 'Resources the agency authored.' })
  resources(
    @Parent() agency: AgencyDto,
    @Context() context: GatewayContext,
  ): Promise<KnowledgeResourceDto[]> {
    return context.loaders.resourcesByAgencyId.load(agency.id);
  }
}
