import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newCallContext, RpcClient, SYSTEM_CALLER } from '#libs/messaging';
import { DEMO_AGENCIES } from '../../apps/seed/src/demo-data/agencies.js';
import { seedAgencies } from '../../apps/seed/src/seed-agencies.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';

let stack: ConveneStack;
let rpc: RpcClient;

beforeAll(async () => {
  stack = await startConveneStack();
  rpc = await RpcClient.connect({ url: stack.nats.url, name: 'seed-test', timeoutMs: 5000 });
});

afterAll(async () => {
  await rpc?.close();
  await stack?.stop();
});

describe('the demo data of the reference story', () => {
  it('loads every IATT member the article names, once, however often it runs', async () => {
    const call = newCallContext(SYSTEM_CALLER);
    expect(await seedAgencies(rpc, call, DEMO_AGENCIES)).toEqual({
      agenciesCreated: 14,
      peopleAdded: 5,
    });
    expect(await seedAgencies(rpc, call, DEMO_AGENCIES)).toEqual({
      agenciesCreated: 0,
      peopleAdded: 0,
    });

    const data = await stack.graphql.data<{
      agencies: { totalCount: number; edges: { node: { acronym: string } }[] };
    }>(`{ agencies(first: 50) { totalCount edges { node { acronym } } } }`);
    expect(data.agencies.totalCount).toBe(14);
    expect(data.agencies.edges.map((edge) => edge.node.acronym)).toEqual(
      expect.arrayContaining([
        'UNCTAD',
        'UNIDO',
        'UNESCO',
        'UNU-MERIT',
        'WIPO',
        'UN DESA',
        'UNEP',
        'WB',
        'ITU',
        'ESCWA',
        'ECA',
        'ECLAC',
        'ECE',
        'ESCAP',
      ]),
    );
  });

  it('lets an officer find who at UNIDO helped organize the training', async () => {
    const data = await stack.graphql.data<{
      agency: { people: { name: string; title: string; division: string }[] };
    }>(`{ agency(acronym: "unido") { people { name title division } } }`);
    expect(data.agency.people).toEqual([
      {
        name: 'Fernando Santiago',
        title: 'Industrial Policy Officer',
        division: 'Division of Research & Industrial Policy Advice',
      },
    ]);
  });
});
