import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { formatGraphQLError, logUnexpectedErrors } from './error-formatting.js';
import type { GatewayContext } from './gateway-context.js';

/** Distinct operations kept compiled; clients send a small, fixed set of them. */
const MAX_COMPILED_OPERATIONS = 1000;

/**
 * Executes queries and mutations with graphql-jit: each operation is compiled once into a
 * function that walks its selection directly, instead of graphql-js interpreting the document
 * field by field on every request. The answers are the same; the gateway's CPU per answer
 * is about half (bench/RESULTS.md). Apollo still parses, validates and runs every other plugin;
 * subscriptions (graphql-ws) keep graphql-js.
 */
export function compiledExecutionPlugin(): ApolloServerPlugin<GatewayContext> {
  const compiled = new CompiledOperations(MAX_COMPILED_OPERATIONS);
  return {
    async requestDidStart() {
      return {
        async responseForOperation(context) {
          const operation = compiled.get(context);
          if (!operation) return null;
          const result = await operation.query(
            undefined,
            context.contextValue,
            context.request.variables ?? {},
          );
          // Variables that do not fit: nothing ran, so graphql-js answers with its 400 and codes.
          if (result.data === undefined) return null;
          if (result.errors?.length)
            logUnexpectedErrors(context.contextValue.call.correlationId, result.errors);
          const response: GraphQLResponse = {
            http: context.response.http,
            body: {
              kind: 'single',
              singleResult: {
                data: result.data,
                errors: result.errors?.map((error) => formatGraphQLError(error.toJSON(), error)),
              },
            },
          };
          return response;
        },
      };
    },
  };
}

/** Compiled operations by query and operation name; the oldest goes when the cache is full. */
class CompiledOperations {
  private readonly operations = new Map<string, CompiledQuery>();

  constructor(private readonly capacity: number) {}

  get(context: GraphQLRequestContext<GatewayContext>): CompiledQuery | undefined {
    const { document, operation, queryHash, operationName, schema } = context;
    if (!document || !operation || operation.operation === 'subscription') return undefined;
    const key = `${queryHash ?? ''}:${operationName ?? ''}`;
    const cached = this.operations.get(key);
    if (cached) return cached;
    const created = compile(schema, document, operationName ?? undefined);
    if (!created) return undefined;
    if (this.operations.size >= this.capacity) {
      const oldest = this.operations.keys().next();
      if (!oldest.done) this.operations.delete(oldest.value);
    }
    this.operations.set(key, created);
    return created;
  }
}

function compile(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
): CompiledQuery | undefined {
  const result = compileQuery(schema, document, operationName, {
    // Errors are masked by formatGraphQLError; their stacks are only logged.
    disablingCapturingStackErrors: false,
  });
  return isCompiledQuery(result) ? result : undefined;
}
