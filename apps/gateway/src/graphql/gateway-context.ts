import type { Request, Response } from 'express';
import { ANONYMOUS_CALLER, type CallContext, type RpcClient } from '#libs/messaging';
import { createAgencyLoaders, type AgencyLoaders } from '../agencies/agency.loaders.js';
import { createKnowledgeLoaders, type KnowledgeLoaders } from '../knowledge/knowledge.loaders.js';
import { createTrainingLoaders, type TrainingLoaders } from '../trainings/training.loaders.js';
import { createWebhookLoaders, type WebhookLoaders } from '../webhooks/webhook.loaders.js';
import {
  createWorkStreamLoaders,
  type WorkStreamLoaders,
} from '../workstreams/work-stream.loaders.js';
import { correlationIdOf } from '../http/request-correlation.js';

/** Everything one GraphQL request carries: who calls, its correlation id, its own DataLoaders. */
export interface GatewayContext {
  call: CallContext;
  /** The client's address (behind TRUST_PROXY_HOPS proxies, from X-Forwarded-For). */
  clientIp: string;
  loaders: AgencyLoaders & WorkStreamLoaders & TrainingLoaders & KnowledgeLoaders & WebhookLoaders;
}

export function createGatewayContext(
  request: Request,
  response: Response,
  rpc: RpcClient,
): GatewayContext {
  const call: CallContext = {
    // Authentication comes with access control; until then every caller is anonymous.
    caller: ANONYMOUS_CALLER,
    correlationId: correlationIdOf(request, response),
  };
  return gatewayContextFor(call, rpc, request.ip ?? request.socket.remoteAddress ?? 'unknown');
}

/** The context of one request by an already known caller (tests build theirs with it). */
export function gatewayContextFor(
  call: CallContext,
  rpc: RpcClient,
  clientIp: string,
): GatewayContext {
  return {
    call,
    clientIp,
    loaders: {
      ...createAgencyLoaders(rpc, call),
      ...createWorkStreamLoaders(rpc, call),
      ...createTrainingLoaders(rpc, call),
      ...createKnowledgeLoaders(rpc, call),
      ...createWebhookLoaders(rpc, call),
    },
  };
}
