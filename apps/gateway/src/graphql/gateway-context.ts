import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '#libs/contracts';
import { ANONYMOUS_CALLER, RpcError, type CallContext, type RpcClient } from '#libs/messaging';
import type { Authenticator } from '../auth/authenticator.js';
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

/**
 * The context of one HTTP request. A request without credentials is anonymous; one with a
 * credential that does not verify is refused as a whole (UNAUTHENTICATED, HTTP 401).
 */
export async function createGatewayContext(
  request: Request,
  rpc: RpcClient,
  authenticator: Authenticator,
): Promise<GatewayContext> {
  const offered = request.header('x-request-id');
  const correlationId = offered && CORRELATION_ID.test(offered) ? offered : randomUUID();
  const caller = await authenticator
    .callerOf(request.header('authorization'), { caller: ANONYMOUS_CALLER, correlationId })
    .catch((error: unknown) => {
      throw requestRefusal(error);
    });
  return contextFor({ caller, correlationId }, rpc);
}

/** A context for an already authenticated call: for HTTP requests and subscriptions alike. */
export function contextFor(call: CallContext, rpc: RpcClient): GatewayContext {
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

/** Apollo answers an error thrown while building the context with its `extensions.http` status. */
function requestRefusal(error: unknown): unknown {
  if (!(error instanceof RpcError)) return error;
  const status = error.code === ErrorCode.Unauthenticated ? 401 : 503;
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, http: { status } },
  });
}
