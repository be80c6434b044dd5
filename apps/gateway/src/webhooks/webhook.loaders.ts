import {
  WebhookRpc,
  type Page,
  type WebhookDeliveryDto,
  type WebhookDeliveryStatus,
} from '#libs/contracts';
import type { CallContext, RpcClient } from '#libs/messaging';
import { loaderWithArgs } from '../graphql/loader-with-args.js';

export interface WebhookLoaders {
  deliveryPageByEndpointId: ReturnType<
    typeof loaderWithArgs<
      { first?: number; after?: string; status?: WebhookDeliveryStatus },
      Page<WebhookDeliveryDto>
    >
  >;
}

export function createWebhookLoaders(rpc: RpcClient, call: CallContext): WebhookLoaders {
  return {
    deliveryPageByEndpointId: loaderWithArgs((endpointIds, page) =>
      rpc.request(WebhookRpc.deliveryPages, { endpointIds, ...page }, call),
    ),
  };
}
