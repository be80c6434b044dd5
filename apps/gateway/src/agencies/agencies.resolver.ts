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
import { AgencyRpc, type AgencyDto, type PersonDto } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { toConnection, type Connection } from '../graphql/connection.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { AgenciesArgs, CreateAgencyInput, UpdateAgencyInput } from './agency.inputs.js';
import { Agency, AgencyConnection } from './agency.model.js';
import { Person } from './person.model.js';

@Resolver(() => Agency)
export class AgenciesResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => AgencyConnection, {
    description: 'Agencies by acronym; archived ones only on request.',
  })
  async agencies(
    @Args() args: AgenciesArgs,
    @Context() context: GatewayContext,
  ): Promise<Connection<AgencyDto>> {
    const page = await this.rpc.request(AgencyRpc.list, { ...args }, context.call);
    return toConnection(page, args.after);
  }

  @Query(() => Agency, {
    nullable: true,
    description: 'One agency, by id or by acronym (give exactly one).',
  })
  agency(
    @Context() context: GatewayContext,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('acronym', { nullable: true }) acronym?: string,
  ): Promise<AgencyDto> {
    return this.rpc.request(
      AgencyRpc.get,
      { id: id ?? undefined, acronym: acronym ?? undefined },
      context.call,
    );
  }

  @ResolveField(() => [Person], { description: 'Current people of the agency, by name.' })
  people(@Parent() agency: AgencyDto, @Context() context: GatewayContext): Promise<PersonDto[]> {
    return context.loaders.peopleByAgencyId.load(agency.id);
  }

  @Mutation(() => Agency)
  createAgency(
    @Args('input') input: CreateAgencyInput,
    @Context() context: GatewayContext,
  ): Promise<AgencyDto> {
    return this.rpc.request(AgencyRpc.create, { ...input }, context.call);
  }

  @Mutation(() => Agency)
  updateAgency(
    @Args('input') input: UpdateAgencyInput,
    @Context() context: GatewayContext,
  ): Promise<AgencyDto> {
    return this.rpc.request(AgencyRpc.update, { ...input }, context.call);
  }

  @Mutation(() => Agency, {
    description: 'Archives an agency: it stays readable and can no longer change.',
  })
  archiveAgency(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
  ): Promise<AgencyDto> {
    return this.rpc.request(AgencyRpc.archive, { id }, context.call);
  }
}
