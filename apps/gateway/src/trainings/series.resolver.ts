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
  EventsRpc,
  type ReachDto,
  type SeriesDto,
  type TrainingDto,
  type WorkStreamDto,
} from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { WorkStream } from '../workstreams/work-stream.model.js';
import { CreateSeriesInput } from './training.inputs.js';
import { Reach, Series, Training } from './training.models.js';
import { loadReferenced } from '../graphql/batch-loader.js';

@Resolver(() => Series)
export class SeriesResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => Series, { nullable: true })
  series(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
  ): Promise<SeriesDto> {
    return this.rpc.request(EventsRpc.getSeries, { id }, context.call);
  }

  @ResolveField(() => WorkStream)
  async workStream(
    @Parent() series: SeriesDto,
    @Context() context: GatewayContext,
  ): Promise<WorkStreamDto> {
    return loadReferenced(context.loaders.workStreamById, series.workStreamId, 'work stream');
  }

  @ResolveField(() => [Training], { description: 'By start; the first 100.' })
  trainings(
    @Parent() series: SeriesDto,
    @Context() context: GatewayContext,
  ): Promise<TrainingDto[]> {
    return context.loaders.trainingsBySeriesId.load(series.id);
  }

  @ResolveField(() => Reach, { description: 'Across the series; each participant counted once.' })
  reach(@Parent() series: SeriesDto, @Context() context: GatewayContext): Promise<ReachDto> {
    return context.loaders.reachBySeriesId.load(series.id);
  }

  @Mutation(() => Series)
  createSeries(
    @Args('input') input: CreateSeriesInput,
    @Context() context: GatewayContext,
  ): Promise<SeriesDto> {
    return this.rpc.request(EventsRpc.createSeries, { ...input }, context.call);
  }
}
