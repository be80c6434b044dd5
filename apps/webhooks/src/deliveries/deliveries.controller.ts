import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdQuery, WebhookDeliveryPagesQuery, WebhookRpc, type RpcResponse } from '#libs/contracts';
import { Call, RpcController, type CallContext } from '#libs/messaging';
import { assertMayManageWebhooks } from '../endpoints/webhook-access.js';
import { DeliveriesService } from './deliveries.service.js';

@RpcController()
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @MessagePattern(WebhookRpc.deliveryPages)
  pages(
    @Payload() query: WebhookDeliveryPagesQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof WebhookRpc.deliveryPages>> {
    assertMayManageWebhooks(call.caller);
    return this.deliveries.pages(query);
  }

  @MessagePattern(WebhookRpc.getDelivery)
  get(
    @Payload() query: IdQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof WebhookRpc.getDelivery>> {
    assertMayManageWebhooks(call.caller);
    return this.deliveries.get(query.id);
  }

  @MessagePattern(WebhookRpc.replayDelivery)
  replay(
    @Payload() command: IdQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof WebhookRpc.replayDelivery>> {
    assertMayManageWebhooks(call.caller);
    return this.deliveries.replay(command.id);
  }
}
