import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newCallContext, RpcClient, SYSTEM_CALLER } from '#libs/messaging';
import { TEST_CALLER_SIGNING_SECRET } from '#libs/testing';
import { DEMO_AGENCIES } from '../../apps/seed/src/demo-data/agencies.js';
import { DEMO_WORK_STREAMS } from '../../apps/seed/src/demo-data/work-streams.js';
import { seedAgencies } from '../../apps/seed/src/seed-agencies.js';
import { seedKnowledge } from '../../apps/seed/src/seed-knowledge.js';
import { seedPilotSeries } from '../../apps/seed/src/seed-pilot-series.js';
import { seedWorkStreams } from '../../apps/seed/src/seed-work-streams.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';

let stack: ConveneStack;
let rpc: RpcClient;

beforeAll(async () => {
  stack = await startConveneStack();
  rpc = await RpcClient.connect({
    url: stack.nats.url,
    name: 'seed-test',
    timeoutMs: 5000,
    callerSigningSecret: TEST_CALLER_SIGNING_SECRET,
  });
});

afterAll(async () => {
  await rpc?.close();
  await stack?.stop();
});

describe('the demo data of the reference story', () => {
  it('loads every IATT member the article names, once, however often it runs', async () => {
    const call = newCallContext(SYSTEM_CALLER);
    const first = await seedAgencies(rpc, call, DEMO_AGENCIES);
    expect(first).toMatchObject({ agenciesCreated: 14, peopleAdded: 5 });
    expect((await seedWorkStreams(rpc, call, DEMO_WORK_STREAMS, first.ids)).created).toBe(1);
    const again = await seedAgencies(rpc, call, DEMO_AGENCIES);
    expect(again).toMatchObject({ agenciesCreated: 0, peopleAdded: 0 });
    const workStreams = await seedWorkStreams(rpc, call, DEMO_WORK_STREAMS, again.ids);
    expect(workStreams.created).toBe(0);
    const workStream6 = workStreams.byNumber.get(6);
    if (!workStream6) throw new Error('Work Stream 6 is missing');
    expect(await seedPilotSeries(rpc, call, workStream6, again.ids)).toEqual({ created: true });
    expect(await seedPilotSeries(rpc, call, workStream6, again.ids)).toEqual({ created: false });
    expect(await seedKnowledge(rpc, call, workStream6, again.ids)).toEqual({ published: 5 });
    expect(await seedKnowledge(rpc, call, workStream6, again.ids)).toEqual({ published: 0 });

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

  it('has Work Stream 6 jointly convened by UNESCO and UNCTAD', async () => {
    const data = await stack.graphql.data<{
      workStream: { conveners: { acronym: string }[]; members: unknown[] };
    }>(`{ workStream(number: 6) { conveners { acronym } members { acronym } } }`);
    expect(data.workStream.conveners).toEqual([{ acronym: 'UNESCO' }, { acronym: 'UNCTAD' }]);
    expect(data.workStream.members.length).toBeGreaterThan(10);
  });

  it("answers the article's figures for the 2020 pilot series and who delivered it", async () => {
    const { workStream } = await stack.graphql.data<{
      workStream: { trainings: { title: string; status: string; series: { id: string } | null }[] };
    }>(`{ workStream(number: 6) { trainings { title status series { id } } } }`);
    const pilot = workStream.trainings.filter((training) => training.series);
    expect(pilot.map((training) => training.status)).toEqual([
      'COMPLETED',
      'COMPLETED',
      'COMPLETED',
    ]);

    const { series } = await stack.graphql.data<{
      series: {
        reach: {
          participants: number;
          countries: number;
          unRepresentatives: number;
          agencies: number;
        };
        trainings: {
          followUps: { format: string; status: string }[];
          assignments: { role: string; agency: { acronym: string } }[];
        }[];
      };
    }>(
      `query($id: ID!) { series(id: $id) {
         reach { participants countries unRepresentatives agencies }
         trainings { followUps { format status } assignments { role agency { acronym } } } } }`,
      { id: pilot[0]?.series?.id },
    );
    // "over 70 participants from 28 countries and 40 representatives from different UN bodies"
    expect(series.reach).toEqual({
      participants: 72,
      countries: 28,
      unRepresentatives: 40,
      agencies: 11,
    });
    const trainers = new Set(
      series.trainings.flatMap((training) =>
        training.assignments
          .filter((assignment) => assignment.role === 'TRAINER')
          .map((assignment) => assignment.agency.acronym),
      ),
    );
    expect(trainers.size).toBeGreaterThan(10);
    expect(series.trainings.at(-1)?.followUps).toEqual([{ format: 'IN_PERSON', status: 'DRAFT' }]);
  });

  it("has the pilot series' materials, findable and linked to their sessions", async () => {
    const { knowledgeResources } = await stack.graphql.data<{
      knowledgeResources: {
        totalCount: number;
        edges: { node: { title: string; trainings: { sessions: unknown[] }[] } }[];
      };
    }>(
      `{ knowledgeResources(search: "roadmaps") { totalCount edges { node { title trainings { sessions { id } } } } } }`,
    );
    expect(knowledgeResources.totalCount).toBeGreaterThanOrEqual(2);
    const recording = knowledgeResources.edges.find((edge) =>
      edge.node.title.startsWith('Recording'),
    );
    expect(recording?.node.trainings[0]?.sessions).toHaveLength(1);
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
