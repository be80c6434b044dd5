import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  IdQuery,
  ListWebhookEndpointsQuery,
  RegisterWebhookEndpointCommand,
  WebhookRpc,
  type RpcResponse,
} from '#libs/contracts';
import { Call, RpcController, type CallContext } from '#libs/messaging';
import { EndpointsService } from './endpoints.service.js';
import { assertCan } from '#libs/auth';

/** Every handler starts with the one authorization check of the service. */
@RpcController()
export class EndpointsController {
  constructor(private readonly endpoints: EndpointsService) {}

  @MessagePattern(WebhookRpc.listEndpoints)
  list(
    @Payload() query: ListWebhookEndpointsQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof WebhookRpc.listEndpoints>> {
    assertCan(call, 'manage-webhooks');
    return this.endpoints.list(query);
  }

  @MessagePattern(WebhookRpc.getEndpoint)
  get(
    @Payload() query: IdQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof WebhookRpc.getEndpoint>> {
    assertCan(call, 'manage-webhooks');
    return this.endpoints.get(query.id);
  }

  @MessagePattern(WebhookRpc.registerEndpoint)
  register(
    @Payload() command: RegisterWebhookEndpointCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof WebhookRpc.registerEndpoint>> {
    assertCan(call, 'manage-webhooks');
    return this.endpoints.register(command, call);
  }

  @MessagePattern(WebhookRpc.enableEndpoint)
  enable(
    @Payload() command: IdQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof WebhookRpc.enableEndpoint>> {
    assertCan(call, 'manage-webhooks');
    return this.endpoints.enable(command.id, call);
  }

  @MessagePattern(WebhookRpc.disableEndpoint)
  disable(
    @Payload() command: IdQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof WebhookRpc.disableEndpoint>> {
    assertCan(call, 'manage-webhooks');
    return this.endpoints.disable(command.id, call);
  }

  @MessagePattern(WebhookRpc.rotateEndpointSecret)
  rotateSecret(
    @Payload() command: IdQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof WebhookRpc.rotateEndpointSecret>> {
    assertCan(call, 'manage-webhooks');
    return this.endpoints.rotateSecret(command.id, call);
  }

  @MessagePattern(WebhookRpc.deleteEndpoint)
  delete(
    @Payload() command: IdQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof WebhookRpc.deleteEndpoint>> {
    assertCan(call, 'manage-webhooks');
    return this.endpoints.delete(command.id, call);
  }
}
