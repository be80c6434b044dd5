import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '#libs/contracts';
import { RpcError } from '#libs/messaging';
import type { GatewayContext } from './gateway-context.js';
import { GatewayError } from './gateway-errors.js';

/** Codes Apollo itself gives to documents and variables that fail; their messages are safe. */
const APOLLO_REQUEST_ERRORS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'BAD_REQUEST',
]);

/** The GraphQL extensions for each service error code; a new code fails to compile here. */
function extensionsOf(error: RpcError): Record<string, unknown> {
  switch (error.code) {
    case ErrorCode.BadUserInput:
      return { code: error.code, fields: error.details.fields ?? [] };
    case ErrorCode.Unauthenticated:
    case ErrorCode.Forbidden:
    case ErrorCode.NotFound:
    case ErrorCode.Conflict:
    case ErrorCode.ServiceUnavailable:
    case ErrorCode.Internal:
      return { code: error.code };
    default:
      return assertUnreachable(error.code);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`Unhandled error code ${String(value)}`);
}

/** The gateway's own refusal behind an error: thrown as it is, or wrapped by Apollo's validation. */
function gatewayErrorIn(error: unknown): GatewayError | undefined {
  if (error instanceof GatewayError) return error;
  if (error instanceof GraphQLError && error.originalError instanceof GatewayError)
    return error.originalError;
  return undefined;
}

/** True when the error's message may be shown as it is. */
function isExpected(error: unknown): boolean {
  if (error instanceof RpcError) return error.code !== ErrorCode.Internal;
  if (gatewayErrorIn(error)) return true;
  return error instanceof GraphQLError && APOLLO_REQUEST_ERRORS.has(String(error.extensions.code));
}

/**
 * Shapes every error a client sees: service errors keep their code and message, the gateway's
 * own refusals their code and the numbers of the limit; anything unexpected becomes
 * INTERNAL_SERVER_ERROR with no stack, SQL or secret. A refusal raised while the request's
 * context was built carries its correlation id (see withCorrelationId); the errors of an
 * operation get it from correlationPlugin.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const correlationId = formatted.extensions?.correlationId;
  const shaped = shapeError(formatted, error);
  return typeof correlationId === 'string'
    ? { ...shaped, extensions: { ...shaped.extensions, correlationId } }
    : shaped;
}

function shapeError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const cause = rpcErrorIn(unwrapResolverError(error));
  const base = { locations: formatted.locations, path: formatted.path };
  if (cause instanceof RpcError && cause.code !== ErrorCode.Internal) {
    return { ...base, message: cause.message, extensions: extensionsOf(cause) };
  }
  const refusal = gatewayErrorIn(cause);
  if (refusal) {
    return {
      ...base,
      message: refusal.message,
      extensions: { code: refusal.code, ...refusal.details },
    };
  }
  if (isExpected(cause)) {
    return {
      ...base,
      message: formatted.message,
      extensions: { code: formatted.extensions?.code },
    };
  }
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.Internal } };
}

/** A refusal while the context was built (a bad token) arrives wrapped without a path. */
function rpcErrorIn(error: unknown): unknown {
  if (error instanceof GraphQLError && error.originalError instanceof RpcError) {
    return error.originalError;
  }
  return error;
}

const logger = new Logger('GraphQL');

/** Logs unexpected errors, with their stack, under the correlation id the client receives. */
export function logUnexpectedErrors(correlationId: string, errors: readonly GraphQLError[]): void {
  for (const error of errors) {
    const cause = rpcErrorIn(unwrapResolverError(error));
    if (isExpected(cause)) continue;
    const failure = cause instanceof Error ? cause : new Error(String(cause));
    logger.error({
      msg: failure.message,
      correlationId,
      path: error.path?.join('.'),
      stack: failure.stack,
    });
  }
}

/**
 * Logs unexpected errors with the correlation id that the client also receives, and puts it on
 * the errors of operations run outside an HTTP request's scope.
 */
export function correlationPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          logUnexpectedErrors(contextValue.call.correlationId, errors);
        },
        async willSendResponse({ contextValue, response }) {
          const { correlationId } = contextValue.call;
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
            ...error,
            extensions: { ...error.extensions, correlationId },
          }));
        },
      };
    },
  };
}

/**
 * A refusal raised while a request's context is built (a bad credential, the rate limit, the
 * query limits) is answered before any plugin runs: it carries the correlation id itself.
 */
export function withCorrelationId(error: unknown, correlationId: string): unknown {
  if (!(error instanceof GraphQLError)) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    originalError: error.originalError ?? error,
    extensions: { ...error.extensions, correlationId },
  });
}
