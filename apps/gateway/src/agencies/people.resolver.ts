import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AgencyRpc, type AgencyDto, type PersonDto } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { AddPersonInput, UpdatePersonInput } from './agency.inputs.js';
import { Agency } from './agency.model.js';
import { Person } from './person.model.js';
import { loadReferenced } from '../graphql/batch-loader.js';

@Resolver(() => Person)
export class PeopleResolver {
  constructor(private readonly rpc: RpcClient) {}

  @ResolveField(() => Agency)
  async agency(
    @Parent() person: PersonDto,
    @Context() context: GatewayContext,
  ): Promise<AgencyDto> {
    return loadReferenced(context.loaders.agencyById, person.agencyId, 'agency');
  }

  @Mutation(() => Person)
  addPerson(
    @Args('input') input: AddPersonInput,
    @Context() context: GatewayContext,
  ): Promise<PersonDto> {
    return this.rpc.request(AgencyRpc.addPerson, { ...input }, context.call);
  }

  @Mutation(() => Person)
  updatePerson(
    @Args('input') input: UpdatePersonInput,
    @Context() context: GatewayContext,
  ): Promise<PersonDto> {
    return this.rpc.request(AgencyRpc.updatePerson, { ...input }, context.call);
  }

  @Mutation(() => Person, {
    description: 'Removes a person from their agency; references to them keep resolving.',
  })
  removePerson(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
  ): Promise<PersonDto> {
    return this.rpc.request(AgencyRpc.removePerson, { id }, context.call);
  }
}
