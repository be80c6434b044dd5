import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { ANONYMOUS_CALLER, type CallContext, type RpcClient } from '#libs/messaging';
import { createAgencyLoaders, type AgencyLoaders } from '../agencies/agency.loaders.js';
import { createKnowledgeLoaders, type KnowledgeLoaders } from '../knowledge/knowledge.loaders.js';
import { createTrainingLoaders, type TrainingLoaders } from '../trainings/training.loaders.js';
import { createWebhookLoaders, type WebhookLoaders } from '../webhooks/webhook.loaders.js';
import {
  createWorkStreamLoaders,
  type WorkStreamLoaders,
} from '../workstreams/work-stream.loaders.js';

/** Everything one GraphQL request carries: who calls, its correlation id, its own DataLoaders. */
export interface GatewayContext {
  call: CallContext;
  loaders: AgencyLoaders & WorkStreamLoaders & TrainingLoaders & KnowledgeLoaders & WebhookLoaders;
}

const CORRELATION_ID = /^[\w-]{8,64}$/;

export function createGatewayContext(request: Request, rpc: RpcClient): GatewayContext {
  const offered = request.header('x-request-id');
  const call: CallContext = {
    // Authentication comes with access control; until then every caller is anonymous.
    caller: ANONYMOUS_CALLER,
    correlationId: offered && CORRELATION_ID.test(offered) ? offered : randomUUID(),
  };
  return {
    call,
    loaders: {
      ...createAgencyLoaders(rpc, call),
      ...createWorkStreamLoaders(rpc, call),
      ...createTrainingLoaders(rpc, call),
      ...createKnowledgeLoaders(rpc, call),
      ...createWebhookLoaders(rpc, call),
    },
  };
}
