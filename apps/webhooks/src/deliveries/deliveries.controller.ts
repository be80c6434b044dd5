import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdQuery, WebhookDeliveryPagesQuery, WebhookRpc, type RpcResponse } from '#libs/contracts';
import { Call, RpcController, type CallContext } from '#libs/messaging';
import { assertCan } from '#libs/auth';
import { DeliveriesService } from './deliveries.service.js';

@RpcController()
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @MessagePattern(WebhookRpc.deliveryPages)
  pages(
    @Payload() query: WebhookDeliveryPagesQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof WebhookRpc.deliveryPages>> {
    assertCan(call, 'manage-webhooks');
    return this.deliveries.pages(query);
  }

  @MessagePattern(WebhookRpc.getDelivery)
  get(
    @Payload() query: IdQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof WebhookRpc.getDelivery>> {
    assertCan(call, 'manage-webhooks');
    return this.deliveries.get(query.id);
  }

  @MessagePattern(WebhookRpc.replayDelivery)
  replay(
    @Payload() command: IdQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof WebhookRpc.replayDelivery>> {
    assertCan(call, 'manage-webhooks');
    return this.deliveries.replay(command.id);
  }
}
