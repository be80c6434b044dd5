import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '#libs/contracts';
import { ANONYMOUS_CALLER, RpcError, type CallContext, type RpcClient } from '#libs/messaging';
import { createAgencyLoaders, type AgencyLoaders } from '../agencies/agency.loaders.js';
import type { Authenticator } from '../auth/authenticator.js';
import { correlationIdOf } from '../http/request-correlation.js';
import { createKnowledgeLoaders, type KnowledgeLoaders } from '../knowledge/knowledge.loaders.js';
import { createTrainingLoaders, type TrainingLoaders } from '../trainings/training.loaders.js';
import { createWebhookLoaders, type WebhookLoaders } from '../webhooks/webhook.loaders.js';
import {
  createWorkStreamLoaders,
  type WorkStreamLoaders,
} from '../workstreams/work-stream.loaders.js';
import type { Caller } from '#libs/messaging';

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

/**
 * The context of one HTTP request. A request without credentials is anonymous; one with a
 * credential that does not verify is refused as a whole (UNAUTHENTICATED, HTTP 401).
 */
export async function createGatewayContext(
  request: Request,
  response: Response,
  rpc: RpcClient,
  authenticator: Authenticator,
): Promise<GatewayContext> {
  const correlationId = correlationIdOf(request, response);
  const caller = await authenticator
    .callerOf(request.header('authorization'), { caller: ANONYMOUS_CALLER, correlationId })
    .catch((error: unknown) => {
      throw requestRefusal(error);
    });
  const clientIp = request.ip ?? request.socket.remoteAddress ?? 'unknown';
  return contextFor({ caller, correlationId }, rpc, clientIp);
}

/**
 * The context of one subscription over graphql-ws, for the caller its connection_init
 * authenticated (see graphql-ws.options.ts).
 */
export function createSubscriptionContext(caller: Caller, rpc: RpcClient): GatewayContext {
  return contextFor({ caller, correlationId: randomUUID() }, rpc, 'websocket');
}

/** A context for an already authenticated call: HTTP requests and subscriptions alike. */
export function contextFor(call: CallContext, rpc: RpcClient, clientIp: string): GatewayContext {
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

/** Apollo answers an error thrown while building the context with its `extensions.http` status. */
function requestRefusal(error: unknown): unknown {
  if (!(error instanceof RpcError)) return error;
  const status = error.code === ErrorCode.Unauthenticated ? 401 : 503;
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, http: { status } },
  });
}
