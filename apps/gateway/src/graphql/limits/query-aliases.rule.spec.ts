import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { GatewayErrorCode } from '../gateway-errors.js';
import { queryAliasesRule } from './query-aliases.rule.js';

const schema = buildSchema(readFileSync(new URL('../../../schema.gql', import.meta.url), 'utf8'));

function refusals(query: string, maxAliases = 30) {
  return validate(schema, parse(query), [queryAliasesRule(maxAliases)]);
}

const aliases = (count: number) =>
  Array.from({ length: count }, (_, index) => `a${index}: __typename`).join(' ');

describe('queryAliasesRule', () => {
  it('lets a query at the limit through', () => {
    expect(refusals(`{ ${aliases(3)} }`, 3)).toEqual([]);
  });

  it('refuses one alias more, naming the count and the limit', () => {
    const [error] = refusals(`{ ${aliases(4)} }`, 3);
    expect(error?.message).toBe('The query has 4 aliases; the limit is 3');
    expect(error?.extensions).toMatchObject({
      code: GatewayErrorCode.TooManyAliases,
      aliases: 4,
      limit: 3,
    });
  });

  it('refuses 10,000 aliases', () => {
    expect(refusals(`{ ${aliases(10_000)} }`)[0]?.extensions).toMatchObject({
      code: 'TOO_MANY_ALIASES',
      aliases: 10_000,
    });
  });

  it('counts nested aliases and each spread of a fragment again', () => {
    const query = `
      { one: agency(acronym: "A") { ...Names } two: agency(acronym: "B") { ...Names } }
      fragment Names on Agency { short: acronym ... on Agency { long: name } }`;
    // one, two, and short + long twice
    expect(refusals(query, 5)[0]?.extensions).toMatchObject({ aliases: 6 });
    expect(refusals(query, 6)).toEqual([]);
  });

  it('does not blow up on a fragment spread exponentially, and counts it', () => {
    const levels = Array.from(
      { length: 20 },
      (_, level) => `fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`,
    ).join('\n');
    const query = `{ ...F0 }\n${levels}\nfragment F20 on Query { x: __typename }`;
    expect(refusals(query)[0]?.extensions).toMatchObject({ aliases: 2 ** 20 });
  });

  it('terminates on fragment cycles', () => {
    const query = `{ ...A } fragment A on Query { a: __typename ...B } fragment B on Query { ...A }`;
    expect(refusals(query)).toEqual([]);
  });
});
