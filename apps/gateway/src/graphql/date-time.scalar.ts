import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDateTime } from '#libs/contracts';

/**
 * ISO 8601 date-time with offset. Services send timestamps as ISO strings over NATS,
 * so this scalar serializes both strings and Dates (Nest's own accepts only Dates).
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO 8601 date-time with offset, such as 2020-11-10T13:00:00.000Z.',
  serialize(value) {
    // Services already send canonical UTC strings (Date.toISOString): pass them through.
    if (typeof value === 'string' && CANONICAL_UTC.test(value)) return value;
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime()))
      throw new GraphQLError(`DateTime cannot represent ${String(value)}`);
    return date.toISOString();
  },
  parseValue(value) {
    return parseDateTime(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string');
    return parseDateTime(ast.value);
  },
});

const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function parseDateTime(value: unknown): Date {
  if (!isIsoDateTime(value)) {
    throw new GraphQLError(
      'DateTime must be ISO 8601 with an offset, such as 2020-11-10T13:00:00Z',
    );
  }
  return new Date(value);
}
