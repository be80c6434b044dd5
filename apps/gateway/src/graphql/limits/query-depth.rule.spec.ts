import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { GatewayErrorCode } from '../gateway-errors.js';
import { queryDepthRule } from './query-depth.rule.js';

const schema = buildSchema(readFileSync(new URL('../../../schema.gql', import.meta.url), 'utf8'));

function refusals(query: string, maxDepth = 20) {
  return validate(schema, parse(query), [queryDepthRule(maxDepth)]);
}

/** `agency { people { agency { people … name } } } }`, `levels` fields deep. */
export function nested(levels: number): string {
  const fields = Array.from({ length: levels - 1 }, (_, index) =>
    index === 0 ? 'agency(acronym: "X")' : index % 2 === 1 ? 'people' : 'agency',
  );
  return `{ ${fields.map((field) => `${field} {`).join(' ')} name ${'}'.repeat(levels - 1)} }`;
}

describe('queryDepthRule', () => {
  it('lets a query at the limit through', () => {
    expect(refusals('{ agency(acronym: "X") { people { agency { name } } } }', 4)).toEqual([]);
  });

  it('refuses a query one level deeper, naming its depth and the limit', () => {
    const [error] = refusals(
      '{ agency(acronym: "X") { people { agency { people { name } } } } }',
      4,
    );
    expect(error?.message).toBe('The query is 5 levels deep; the limit is 4');
    expect(error?.extensions).toMatchObject({
      code: GatewayErrorCode.QueryTooDeep,
      depth: 5,
      limit: 4,
    });
  });

  it('refuses depth 50 under the default limit', () => {
    const [error] = refusals(nested(50));
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', depth: 50 });
  });

  it('follows fragments and inline fragments', () => {
    const query = `
      { agency(acronym: "X") { ...People } }
      fragment People on Agency { people { ... on Person { agency { ...Name } } } }
      fragment Name on Agency { people { name } }`;
    expect(refusals(query, 4)[0]?.extensions).toMatchObject({ depth: 5 });
    expect(refusals(query, 5)).toEqual([]);
  });

  it('terminates on fragment cycles (NoFragmentCyclesRule reports them)', () => {
    const query = `
      { agency(acronym: "X") { ...A } }
      fragment A on Agency { people { agency { ...B } } }
      fragment B on Agency { people { agency { ...A } } }`;
    expect(() => refusals(query)).not.toThrow();
  });

  it("lets the N+1 test's query and GraphiQL's introspection query through the default limit", () => {
    const nPlusOne = `{ workStreams { edges { node { trainings { title sessions { startsAt }
      assignments { role person { name } agency { acronym people { name } } } } } } } }`;
    expect(refusals(nPlusOne, 1)[0]?.extensions).toMatchObject({ depth: 8 });
    expect(refusals(getIntrospectionQuery(), 1)[0]?.extensions).toMatchObject({ depth: 15 });
    expect(refusals(getIntrospectionQuery())).toEqual([]);
  });
});
