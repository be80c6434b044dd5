import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { ANONYMOUS_CALLER, type CallContext, type RpcClient } from '#libs/messaging';
import { createAgencyLoaders, type AgencyLoaders } from '../agencies/agency.loaders.js';
import { createKnowledgeLoaders, type KnowledgeLoaders } from '../knowledge/knowledge.loaders.js';
import { createTrainingLoaders, type TrainingLoaders } from '../trainings/training.loaders.js';
import {
  createWorkStreamLoaders,
  type WorkStreamLoaders,
} from '../workstreams/work-stream.loaders.js';

export type GatewayLoaders = AgencyLoaders & WorkStreamLoaders & TrainingLoaders & KnowledgeLoaders;

/** Everything one GraphQL request carries: who calls, its correlation id, its own DataLoaders. */
export interface GatewayContext {
  call: CallContext;
  loaders: GatewayLoaders;
}

/** What a graphql-ws client sent in connection_init, e.g. `{ authorization: 'Bearer …' }`. */
export type ConnectionParams = Readonly<Record<string, unknown>> | undefined;

const CORRELATION_ID = /^[\w-]{8,64}$/;

export function createGatewayContext(request: Request, rpc: RpcClient): GatewayContext {
  const offered = request.header('x-request-id');
  const call: CallContext = {
    // Authentication comes with access control; until then every caller is anonymous.
    caller: ANONYMOUS_CALLER,
    correlationId: offered && CORRELATION_ID.test(offered) ? offered : randomUUID(),
  };
  return { call, loaders: createGatewayLoaders(rpc, call) };
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
  return { call, loaders: createGatewayLoaders(rpc, call) };
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
  };
}
