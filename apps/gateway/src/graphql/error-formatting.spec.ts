import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '#libs/contracts';
import { RpcError } from '#libs/messaging';
import { formatGraphQLError } from './error-formatting.js';
import { GatewayError, GatewayErrorCode } from './gateway-errors.js';

/** How Apollo hands a resolver's error to formatError. */
function fromResolver(cause: unknown) {
  const error = new GraphQLError('wrapped', { path: ['agencies'], originalError: cause as Error });
  return formatGraphQLError({ message: error.message, path: ['agencies'] }, error);
}

describe('formatGraphQLError', () => {
  it('keeps the field errors of BAD_USER_INPUT', () => {
    const fields = [{ field: 'acronym', rule: 'matches', message: 'acronym must …' }];
    expect(fromResolver(RpcError.badInput(fields))).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields },
      path: ['agencies'],
    });
  });

  it.each([
    ErrorCode.NotFound,
    ErrorCode.Conflict,
    ErrorCode.ServiceUnavailable,
    ErrorCode.Forbidden,
    ErrorCode.Unauthenticated,
  ])('passes %s with its message', (code) => {
    expect(fromResolver(new RpcError(code, 'what happened'))).toMatchObject({
      message: 'what happened',
      extensions: { code },
    });
  });

  it('masks anything unexpected, whatever its message says', () => {
    const formatted = fromResolver(
      new Error('relation "agencies.agency" does not exist, password=hunter2'),
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
      path: ['agencies'],
    });
  });

  it('masks an internal error reported by a service', () => {
    expect(fromResolver(RpcError.internal('c-1')).message).toBe('Internal server error');
  });

  it('keeps the message of a document that fails validation', () => {
    const error = new GraphQLError('Cannot query field "x" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(
      formatGraphQLError({ message: error.message, extensions: error.extensions }, error),
    ).toMatchObject({
      message: 'Cannot query field "x" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it("keeps a gateway refusal's code and numbers, never its HTTP head", () => {
    const refusal = new GatewayError(
      GatewayErrorCode.QueryTooDeep,
      'The query is 30 levels deep; the limit is 20',
      { depth: 30, limit: 20 },
    );
    expect(formatGraphQLError({ message: refusal.message }, refusal)).toEqual({
      message: 'The query is 30 levels deep; the limit is 20',
      extensions: { code: 'QUERY_TOO_DEEP', depth: 30, limit: 20 },
    });
  });

  it('finds a gateway refusal that Apollo wrapped as a validation error', () => {
    const refusal = new GatewayError(GatewayErrorCode.TooManyAliases, 'too many', {
      aliases: 31,
    });
    const wrapped = new GraphQLError(refusal.message, {
      originalError: refusal,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(formatGraphQLError({ message: wrapped.message }, wrapped).extensions).toEqual({
      code: 'TOO_MANY_ALIASES',
      aliases: 31,
    });
  });
});
