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
  DOMAIN_EVENT_TYPES,
  WebhookRpc,
  type WebhookDeliveryDto,
  type WebhookEndpointDto,
  type WebhookEndpointWithSecretDto,
} from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { toConnection, type Connection } from '../graphql/connection.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import {
  RegisterWebhookEndpointInput,
  WebhookDeliveriesArgs,
  WebhookEndpointsArgs,
} from './webhook.inputs.js';
import {
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookEndpoint,
  WebhookEndpointConnection,
  WebhookEndpointWithSecret,
} from './webhook.models.js';

@Resolver(() => WebhookEndpoint)
export class WebhooksResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [String], { description: 'The domain event types a webhook endpoint may receive.' })
  webhookEventTypes(): readonly string[] {
    return DOMAIN_EVENT_TYPES;
  }

  @Query(() => WebhookEndpointConnection, { description: 'Webhook endpoints, oldest first.' })
  async webhookEndpoints(
    @Args() args: WebhookEndpointsArgs,
    @Context() context: GatewayContext,
  ): Promise<Connection<WebhookEndpointDto>> {
    return toConnection(
      await this.rpc.request(WebhookRpc.listEndpoints, { ...args }, context.call),
      args.after,
    );
  }

  @Query(() => WebhookEndpoint)
  webhookEndpoint(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
  ): Promise<WebhookEndpointDto> {
    return this.rpc.request(WebhookRpc.getEndpoint, { id }, context.call);
  }

  @Query(() => WebhookDelivery)
  webhookDelivery(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
  ): Promise<WebhookDeliveryDto> {
    return this.rpc.request(WebhookRpc.getDelivery, { id }, context.call);
  }

  @ResolveField(() => WebhookDeliveryConnection, {
    description: 'Deliveries to this endpoint, newest first, each with its attempts.',
  })
  async deliveries(
    @Parent() endpoint: WebhookEndpointDto,
    @Args() args: WebhookDeliveriesArgs,
    @Context() context: GatewayContext,
  ): Promise<Connection<WebhookDeliveryDto>> {
    const page = await context.loaders.deliveryPageByEndpointId.load({
      id: endpoint.id,
      args: { first: args.first, after: args.after, status: args.status },
    });
    return toConnection(page, args.after);
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description: 'Registers an endpoint; the answer holds its signing secret, shown this one time.',
  })
  registerWebhookEndpoint(
    @Args('input') input: RegisterWebhookEndpointInput,
    @Context() context: GatewayContext,
  ): Promise<WebhookEndpointWithSecretDto> {
    return this.rpc.request(WebhookRpc.registerEndpoint, { ...input }, context.call);
  }

  @Mutation(() => WebhookEndpoint, {
    description: 'Resumes deliveries, including those held while it was disabled.',
  })
  enableWebhookEndpoint(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
  ): Promise<WebhookEndpointDto> {
    return this.rpc.request(WebhookRpc.enableEndpoint, { id }, context.call);
  }

  @Mutation(() => WebhookEndpoint, {
    description: 'Holds deliveries; events that happen while disabled are not delivered.',
  })
  disableWebhookEndpoint(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
  ): Promise<WebhookEndpointDto> {
    return this.rpc.request(WebhookRpc.disableEndpoint, { id }, context.call);
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description: 'Replaces the signing secret at once; the new one is shown this one time.',
  })
  rotateWebhookEndpointSecret(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
  ): Promise<WebhookEndpointWithSecretDto> {
    return this.rpc.request(WebhookRpc.rotateEndpointSecret, { id }, context.call);
  }

  @Mutation(() => WebhookEndpoint, { description: 'Deletes the endpoint and its delivery log.' })
  deleteWebhookEndpoint(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
  ): Promise<WebhookEndpointDto> {
    return this.rpc.request(WebhookRpc.deleteEndpoint, { id }, context.call);
  }

  @Mutation(() => WebhookDelivery, {
    description:
      'Sends a finished delivery again: a new series of attempts with the same webhook-id.',
  })
  replayWebhookDelivery(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
  ): Promise<WebhookDeliveryDto> {
    return this.rpc.request(WebhookRpc.replayDelivery, { id }, context.call);
  }
}
