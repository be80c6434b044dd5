import { randomUUID } from 'node:crypto';
import type { ExecutionResult, FormattedExecutionResult, GraphQLError } from 'graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import { ANONYMOUS_CALLER, type Caller } from '#libs/messaging';
import type { Authenticator } from '../auth/authenticator.js';
import { formatGraphQLError, logUnexpectedErrors } from './error-formatting.js';
import type { GatewayContext } from './gateway-context.js';

/** One graphql-ws connection, as graphql-ws hands it to every hook and to the context. */
export type SubscriptionConnection = Context;

/** Who each open connection authenticated as in its connection_init. */
const callers = new WeakMap<SubscriptionConnection, Caller>();

/** The caller a connection's connection_init proved; a connection never acknowledged has none. */
export function callerOfConnection(connection: SubscriptionConnection): Caller {
  return callers.get(connection) ?? ANONYMOUS_CALLER;
}

/** A socket that has not sent connection_init by then is closed with 4408. */
const CONNECTION_INIT_TIMEOUT_MS = 3000;

/**
 * graphql-ws on the gateway's /graphql. Typed by graphql-ws itself: Nest's type lists fewer
 * hooks than it passes on. The client authenticates in connection_init, with the same
 * credential as over HTTP (`{ authorization: 'Bearer …' }` or an API key); one that does not
 * verify closes the socket with 4403. graphql-ws itself closes a socket that subscribes before
 * its connection_init was acknowledged with 4401, and one that never sends it with 4408.
 */
export function graphqlWsOptions(authenticator: Authenticator): Partial<ServerOptions> {
  return {
    connectionInitWaitTimeout: CONNECTION_INIT_TIMEOUT_MS,
    onConnect: async (connection) => {
      const authorization = connection.connectionParams?.authorization;
      try {
        const caller = await authenticator.callerOf(
          typeof authorization === 'string' ? authorization : undefined,
          { caller: ANONYMOUS_CALLER, correlationId: randomUUID() },
        );
        callers.set(connection, caller);
        return true;
      } catch {
        return false;
      }
    },
    onNext: (_connection, _id, _payload, args, result) =>
      formatSubscriptionResult(result, (args.contextValue as GatewayContext).call.correlationId),
    onError: (_connection, _id, _payload, errors) => formatSubscriptionErrors(errors),
  };
}

/**
 * Errors sent over graphql-ws get the same shape as over HTTP (Apollo's formatError does not
 * run there): service codes kept, anything unexpected masked, the correlation id attached.
 */
function formatSubscriptionResult(
  result: ExecutionResult,
  correlationId: string,
): FormattedExecutionResult {
  const { errors, ...rest } = result;
  if (!errors?.length) return rest;
  return { ...rest, errors: errors.map((error) => formatted(error, correlationId)) };
}

/**
 * Errors that end a subscription: a failing event stream (masked, logged) or a document that
 * does not validate (sent as it is).
 */
function formatSubscriptionErrors(errors: readonly GraphQLError[]) {
  return errors.map((error) =>
    error.originalError
      ? formatted(error, randomUUID())
      : { ...error.toJSON(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
  );
}

function formatted(error: GraphQLError, correlationId: string) {
  logUnexpectedErrors(correlationId, [error]);
  const shaped = formatGraphQLError(error.toJSON(), error);
  return { ...shaped, extensions: { ...shaped.extensions, correlationId } };
}
