import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IdentityRpc, type ApiKeyDto, type CreatedApiKeyDto } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { CreateApiKeyInput } from './api-key.inputs.js';
import { ApiKey, CreatedApiKey } from './api-key.model.js';

/** API keys of integrations; admins only, as the identity service enforces. */
@Resolver(() => ApiKey)
export class ApiKeysResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [ApiKey], { description: 'API keys, newest first (admins only).' })
  apiKeys(
    @Context() context: GatewayContext,
    @Args('includeRevoked', { nullable: true, defaultValue: false }) includeRevoked: boolean,
  ): Promise<ApiKeyDto[]> {
    return this.rpc.request(IdentityRpc.listApiKeys, { includeRevoked }, context.call);
  }

  @Mutation(() => CreatedApiKey, {
    description: 'Creates a read-only API key for an integration; the answer holds the key, once.',
  })
  createApiKey(
    @Args('input') input: CreateApiKeyInput,
    @Context() context: GatewayContext,
  ): Promise<CreatedApiKeyDto> {
    return this.rpc.request(IdentityRpc.createApiKey, { ...input }, context.call);
  }

  @Mutation(() => ApiKey, {
    description: 'Revokes a key; the gateway may accept it for up to API_KEY_CACHE_SECONDS more.',
  })
  revokeApiKey(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
  ): Promise<ApiKeyDto> {
    return this.rpc.request(IdentityRpc.revokeApiKey, { id }, context.call);
  }
}
