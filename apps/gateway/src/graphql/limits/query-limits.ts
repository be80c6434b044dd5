import type { ApolloServerPlugin } from '@apollo/server';
import type { Request } from 'express';
import {
  Kind,
  parse,
  TypeInfo,
  ValidationContext,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { GatewayError, GatewayErrorCode } from '../gateway-errors.js';
import type { QueryLimit } from './query-limit.js';

/**
 * Runs the limit rules on a request's document before Apollo parses and validates it: from the
 * context function, the one step before parsing whose GraphQLError Apollo answers as it is (a
 * plugin hook's would be an internal error). Ahead of graphql-js's own validation because its
 * work grows with the document: its 27 rules take over a second on 10,000 aliases. Costs one
 * more parse per request: ~50 µs for the benchmark's 50-trainings query.
 */
export class QueryLimits {
  private schema: GraphQLSchema | undefined;

  constructor(
    private readonly limits: QueryLimit[],
    private readonly maxTokens: number,
  ) {}

  /** Hands the limits the schema once Apollo has it. */
  plugin(): ApolloServerPlugin {
    return {
      serverWillStart: async ({ schema }) => {
        this.schema = schema;
      },
    };
  }

  /** Throws the first limit the request's operation breaks; a syntax error is left to Apollo. */
  admit(request: Request): void {
    const document = this.documentOf(request);
    if (!document || !this.schema) return;
    // The limits read only operations and fragments: no need for validate()'s walk over every node.
    const context = new ValidationContext(
      this.schema,
      document,
      new TypeInfo(this.schema),
      () => {},
    );
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      for (const limit of this.limits) {
        const refusal = limit(context, definition);
        if (refusal) throw refusal;
      }
    }
  }

  private documentOf(request: Request): DocumentNode | undefined {
    const source = sourceOf(request);
    if (source === undefined) return undefined;
    try {
      return parse(source, { maxTokens: this.maxTokens });
    } catch (error) {
      // graphql-js parses recursively: a few thousand levels of nesting overflow the stack.
      if (error instanceof RangeError) {
        throw new GatewayError(
          GatewayErrorCode.QueryTooDeep,
          'The query is nested too deeply to be read',
        );
      }
      return undefined;
    }
  }
}

/** The query of a POST body or a GET's query string; persisted queries have none. */
function sourceOf(request: Request): string | undefined {
  const body: unknown = request.body;
  const fromBody =
    typeof body === 'object' && body !== null ? Reflect.get(body, 'query') : undefined;
  if (typeof fromBody === 'string') return fromBody;
  const fromUrl: unknown = request.query.query;
  return typeof fromUrl === 'string' ? fromUrl : undefined;
}
