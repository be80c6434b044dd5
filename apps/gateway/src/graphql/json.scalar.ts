import { GraphQLError, GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/**
 * Any JSON value, sent as JSON itself (not as a string), like graphql-scalars' JSON: what a
 * client expects for a payload whose shape depends on another field (a domain event's type).
 */
export const JsonScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Any JSON value: an object, array, string, number, boolean or null.',
  serialize(value) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
      throw new GraphQLError(`JSON cannot represent ${typeof value}`);
    }
    return value;
  },
  parseValue(value) {
    return value;
  },
  parseLiteral(ast, variables) {
    return valueFromASTUntyped(ast, variables);
  },
});
