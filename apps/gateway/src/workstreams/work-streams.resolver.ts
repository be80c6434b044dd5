import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { WorkStreamRpc, type AgencyDto, type WorkStreamDto } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { Agency } from '../agencies/agency.model.js';
import { toConnection, type Connection } from '../graphql/connection.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import {
  CreateWorkStreamInput,
  UpdateWorkStreamInput,
  WorkStreamsArgs,
} from './work-stream.inputs.js';
import { WorkStream, WorkStreamConnection } from './work-stream.model.js';

@Resolver(() => WorkStream)
export class WorkStreamsResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => WorkStreamConnection, { description: 'Work streams by number.' })
  async workStreams(
    @Args() args: WorkStreamsArgs,
    @Context() context: GatewayContext,
  ): Promise<Connection<WorkStreamDto>> {
    return toConnection(
      await this.rpc.request(WorkStreamRpc.list, { ...args }, context.call),
      args.after,
    );
  }

  @Query(() => WorkStream, {
    nullable: true,
    description: 'One work stream, by id or by number (give exactly one).',
  })
  workStream(
    @Context() context: GatewayContext,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('number', { type: () => Int, nullable: true }) number?: number,
  ): Promise<WorkStreamDto> {
    return this.rpc.request(
      WorkStreamRpc.get,
      { id: id ?? undefined, number: number ?? undefined },
      context.call,
    );
  }

  @ResolveField(() => [Agency], { description: 'The co-conveners.' })
  conveners(
    @Parent() workStream: WorkStreamDto,
    @Context() context: GatewayContext,
  ): Promise<AgencyDto[]> {
    return agenciesOf(workStream.convenerAgencyIds, context);
  }

  @ResolveField(() => [Agency], { description: 'Every member agency, conveners included.' })
  members(
    @Parent() workStream: WorkStreamDto,
    @Context() context: GatewayContext,
  ): Promise<AgencyDto[]> {
    return agenciesOf(workStream.memberAgencyIds, context);
  }

  @Mutation(() => WorkStream)
  createWorkStream(
    @Args('input') input: CreateWorkStreamInput,
    @Context() context: GatewayContext,
  ): Promise<WorkStreamDto> {
    return this.rpc.request(WorkStreamRpc.create, { ...input }, context.call);
  }

  @Mutation(() => WorkStream)
  updateWorkStream(
    @Args('input') input: UpdateWorkStreamInput,
    @Context() context: GatewayContext,
  ): Promise<WorkStreamDto> {
    return this.rpc.request(WorkStreamRpc.update, { ...input }, context.call);
  }
}

/** Agencies by id through the request's batcher; ids the agencies service no longer knows are left out. */
async function agenciesOf(ids: string[], context: GatewayContext): Promise<AgencyDto[]> {
  const agencies = await context.loaders.agencyById.loadMany(ids);
  return agencies.filter(
    (agency): agency is AgencyDto => agency !== null && !(agency instanceof Error),
  );
}

@Resolver(() => Agency)
export class AgencyWorkStreamsResolver {
  @ResolveField(() => [WorkStream], {
    description: 'Work streams the agency convenes or belongs to.',
  })
  workStreams(
    @Parent() agency: AgencyDto,
    @Context() context: GatewayContext,
  ): Promise<WorkStreamDto[]> {
    return context.loaders.workStreamsByAgencyId.load(agency.id);
  }
}
