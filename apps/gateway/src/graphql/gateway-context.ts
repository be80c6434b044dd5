import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { ANONYMOUS_CALLER, type CallContext, type RpcClient } from '#libs/messaging';
import { createAgencyLoaders, type AgencyLoaders } from '../agencies/agency.loaders.js';
import { correlationIdOf } from '../http/request-correlation.js';
import { createKnowledgeLoaders, type KnowledgeLoaders } from '../knowledge/knowledge.loaders.js';
import { createTrainingLoaders, type TrainingLoaders } from '../trainings/training.loaders.js';
import { createWebhookLoaders, type WebhookLoaders } from '../webhooks/webhook.loaders.js';
import {
  createWorkStreamLoaders,
  type WorkStreamLoaders,
} from '../workstreams/work-stream.loaders.js';

export type GatewayLoaders = AgencyLoaders &
  WorkStreamLoaders &
  TrainingLoaders &
  KnowledgeLoaders &
  WebhookLoaders;

/** Everything one GraphQL request carries: who calls, its correlation id, its own DataLoaders. */
export interface GatewayContext {
  call: CallContext;
  /** The client's address (behind TRUST_PROXY_HOPS proxies, from X-Forwarded-For). */
  clientIp: string;
  loaders: GatewayLoaders;
}

/** What a graphql-ws client sent in connection_init, e.g. `{ authorization: 'Bearer …' }`. */
export type ConnectionParams = Readonly<Record<string, unknown>> | undefined;

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

/**
 * The context of one subscription over graphql-ws: the caller comes from the connection's
 * `connectionParams`, here and nowhere else. Access control turns the bearer token in them
 * into a Caller on this line (throwing UNAUTHENTICATED refuses the subscription).
 */
export async function createSubscriptionContext(
  _connectionParams: ConnectionParams,
  rpc: RpcClient,
): Promise<GatewayContext> {
  const call: CallContext = { caller: ANONYMOUS_CALLER, correlationId: randomUUID() };
  return gatewayContextFor(call, rpc, 'websocket');
}

/** The context of one request by an already known caller (tests build theirs with it). */
export function gatewayContextFor(
  call: CallContext,
  rpc: RpcClient,
  clientIp: string,
): GatewayContext {
  return { call, clientIp, loaders: createGatewayLoaders(rpc, call) };
}

/**
 * Per-request DataLoaders. A subscription makes new ones for each event it sends: a loader
 * caches, and the second event must not see the state the first one loaded.
 */
export function createGatewayLoaders(rpc: RpcClient, call: CallContext): GatewayLoaders {
  return {
    ...createAgencyLoaders(rpc, call),
    ...createWorkStreamLoaders(rpc, call),
    ...createTrainingLoaders(rpc, call),
    ...createKnowledgeLoaders(rpc, call),
    ...createWebhookLoaders(rpc, call),
  };
}
