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

/** Everything one GraphQL request carries: who calls, its correlation id, its own DataLoaders. */
export interface GatewayContext {
  call: CallContext;
  loaders: AgencyLoaders & WorkStreamLoaders & TrainingLoaders & KnowledgeLoaders;
}

const CORRELATION_ID = /^[\w-]{8,64}$/;

/** The client's own `x-request-id` when it is a sane one, else a fresh id. */
export function correlationIdOf(request: Request): string {
  const offered = request.header('x-request-id');
  return offered && CORRELATION_ID.test(offered) ? offered : randomUUID();
}

export function createGatewayContext(request: Request, rpc: RpcClient): GatewayContext {
  const call: CallContext = {
    // Authentication comes with access control; until then every caller is anonymous.
    caller: ANONYMOUS_CALLER,
    correlationId: correlationIdOf(request),
  };
  return gatewayContextFor(call, rpc);
}

/** The context of one request by an already known caller (tests build theirs with it). */
export function gatewayContextFor(call: CallContext, rpc: RpcClient): GatewayContext {
  return {
    call,
    loaders: {
      ...createAgencyLoaders(rpc, call),
      ...createWorkStreamLoaders(rpc, call),
      ...createTrainingLoaders(rpc, call),
      ...createKnowledgeLoaders(rpc, call),
    },
  };
}
