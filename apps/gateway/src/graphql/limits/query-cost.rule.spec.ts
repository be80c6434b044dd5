import { describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { GatewayErrorCode } from '../gateway-errors.js';
import { queryCostRule } from './query-cost.rule.js';

const schema = buildSchema(readFileSync(new URL('../../../schema.gql', import.meta.url), 'utf8'));
/** The defaults of GatewayConfig. */
const MAX_COST = 50_000;
const DEFAULT_LIST_SIZE = 10;

/** The cost the rule reports, or 0 when under `maxCost`. */
function costOf(query: string, maxCost = 0): number {
  const [error] = validate(schema, parse(query), [
    queryCostRule(maxCost, { defaultListSize: DEFAULT_LIST_SIZE }),
  ]);
  return Number(error?.extensions.cost ?? 0);
}

/** The README's first example, bench/run.mjs's heaviest scenario, the N+1 test's 500 trainings. */
const README_EXAMPLE = readFileSync(new URL('../../../../../README.md', import.meta.url), 'utf8')
  .split('```graphql')[1]
  ?.split('```')[0];
const BENCH_TRAININGS = `{ trainings(first: 50) { totalCount edges { node {
  id title status format startsAt endsAt
  sessions { id startsAt endsAt timeZone }
  assignments { role person { id name title } agency { id acronym name people { id name } } } } } } }`;
const N_PLUS_ONE = `query($agencyId: ID) { workStreams(filter: { agencyId: $agencyId }) { edges { node {
  trainings { title sessions { startsAt }
    assignments { role person { name } agency { acronym people { name } } } } } } } }`;

describe('queryCostRule', () => {
  it('counts each field once and multiplies a list by the default size', () => {
    // agency, name, people + 10 × (name, title)
    expect(costOf('{ agency(acronym: "X") { name people { name title } } }')).toBe(23);
  });

  it("sizes a connection's edges by first, the default page size or the maximum page size", () => {
    const agencies = (args: string) =>
      costOf(`{ agencies${args} { totalCount edges { node { name } } } }`);
    // agencies, totalCount, edges + first × (node, name)
    expect(agencies('(first: 5)')).toBe(3 + 5 * 2);
    expect(agencies('')).toBe(3 + 20 * 2);
    expect(agencies('(first: 100000)')).toBe(3 + 100 * 2);
  });

  it("counts a variable page size as the variable's default, else the maximum page size", () => {
    const query = (definition: string) =>
      costOf(`query(${definition}) { agencies(first: $n) { edges { node { name } } } }`);
    expect(query('$n: Int = 4')).toBe(2 + 4 * 2);
    expect(query('$n: Int')).toBe(2 + 100 * 2);
  });

  it('follows fragments, with the page size of the connection they are spread in', () => {
    const query = `{ agencies(first: 3) { ...Page } trainings(first: 2) { ...Page2 } }
      fragment Page on AgencyConnection { edges { node { name } } }
      fragment Page2 on TrainingConnection { edges { ... on TrainingEdge { node { title } } } }`;
    expect(costOf(query)).toBe(2 + 3 * 2 + 2 + 2 * 2);
  });

  it('refuses a cost bomb of nested lists, naming its cost and the limit', () => {
    const bomb = `{ agencies(first: 100) { edges { node {
      people { agency { people { agency { people { agency { people { name } } } } } } } } } } }`;
    const [error] = validate(schema, parse(bomb), [
      queryCostRule(MAX_COST, { defaultListSize: DEFAULT_LIST_SIZE }),
    ]);
    expect(error?.extensions).toMatchObject({
      code: GatewayErrorCode.QueryTooCostly,
      limit: MAX_COST,
    });
    expect(error?.message).toMatch(/^The query's estimated cost is \d+; the limit is 50000$/);
    expect(Number(error?.extensions.cost)).toBeGreaterThan(1_000_000);
  });

  it('lets the real workloads through the default limit', () => {
    expect(README_EXAMPLE).toContain('workStream(number: 6)');
    const costs = {
      readme: costOf(README_EXAMPLE ?? ''),
      bench: costOf(BENCH_TRAININGS),
      nPlusOne: costOf(N_PLUS_ONE),
    };
    expect(costs).toEqual({ readme: 1918, bench: 17_453, nPlusOne: 34_642 });
    for (const cost of Object.values(costs)) expect(cost).toBeLessThanOrEqual(MAX_COST);
  });

  it('terminates on fragment cycles', () => {
    const query = `{ agency(acronym: "X") { ...A } }
      fragment A on Agency { people { agency { ...A } } }`;
    expect(() => costOf(query)).not.toThrow();
  });
});
