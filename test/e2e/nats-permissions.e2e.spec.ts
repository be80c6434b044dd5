import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { AgencyRpc } from '#libs/contracts';
import { newCallContext, RpcClient, SYSTEM_CALLER } from '#libs/messaging';
import { TEST_CALLER_SIGNING_SECRET } from '#libs/testing';
import { DEMO_AGENCIES } from '../../apps/seed/src/demo-data/agencies.js';
import { DEMO_WORK_STREAMS } from '../../apps/seed/src/demo-data/work-streams.js';
import { seedAgencies } from '../../apps/seed/src/seed-agencies.js';
import { seedKnowledge } from '../../apps/seed/src/seed-knowledge.js';
import { seedPilotSeries } from '../../apps/seed/src/seed-pilot-series.js';
import { seedWorkStreams } from '../../apps/seed/src/seed-work-streams.js';
import { agencyInput } from '../support/agency-factory.js';
import {
  startConveneStack,
  testNatsPassword,
  type ConveneStack,
} from '../support/convene-stack.js';

// The whole system on NATS with the users and permissions of k8s/nats/nats.conf (also used by
// docker-compose.yml): everything the apps do is permitted, and only the gateway and the seed
// may send requests to a service's write subjects.

let stack: ConveneStack;

beforeAll(async () => {
  stack = await startConveneStack({ natsPermissions: true });
});

afterAll(async () => {
  await stack?.stop();
});

describe('NATS users and permissions of the deployments', () => {
  it('let the seed load the demo story and the gateway answer and write', async () => {
    const seed = await RpcClient.connect({
      url: stack.natsUrlFor('seed'),
      name: 'seed',
      timeoutMs: 5000,
      callerSigningSecret: TEST_CALLER_SIGNING_SECRET,
    });
    try {
      const call = newCallContext(SYSTEM_CALLER);
      const agencies = await seedAgencies(seed, call, DEMO_AGENCIES);
      const workStreams = await seedWorkStreams(seed, call, DEMO_WORK_STREAMS, agencies.ids);
      const workStream6 = workStreams.byNumber.get(6);
      if (!workStream6) throw new Error('Work Stream 6 is missing');
      expect(await seedPilotSeries(seed, call, workStream6, agencies.ids)).toEqual({
        created: true,
      });
      expect(await seedKnowledge(seed, call, workStream6, agencies.ids)).toEqual({ published: 5 });
    } finally {
      await seed.close();
    }
    const story = await stack.graphql.data<{
      workStream: { trainings: { materials: unknown[]; assignments: unknown[] }[] };
    }>(`{ workStream(number: 6) { trainings { assignments { role } materials { title } } } }`);
    expect(story.workStream.trainings.length).toBeGreaterThan(0);
    const created = await stack.graphql.request(
      `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id } }`,
      { input: agencyInput() },
    );
    expect(created.errors).toBeUndefined();
  });

  it("refuse a service that sends a request to another service's write subject", async () => {
    const knowledge = await connect({
      servers: stack.nats.url,
      user: 'knowledge',
      pass: testNatsPassword('knowledge'),
    });
    try {
      const body = JSON.stringify({
        pattern: AgencyRpc.create,
        data: agencyInput(),
        id: randomUUID(),
      });
      await expect(knowledge.request(AgencyRpc.create, body, { timeout: 2000 })).rejects.toThrow(
        /permission/i,
      );
      // Its own reference checks are allowed.
      const reply = await knowledge.request(
        AgencyRpc.byIds,
        JSON.stringify({ pattern: AgencyRpc.byIds, data: { ids: [] }, id: randomUUID() }),
        { timeout: 2000 },
      );
      expect(reply.json<{ response: unknown }>().response).toEqual([]);
    } finally {
      await knowledge.close();
    }
  });

  it('refuse a client that is not one of the users', async () => {
    await expect(
      connect({
        servers: stack.nats.url,
        user: 'gateway',
        pass: 'a-guessed-password',
        reconnect: false,
      }),
    ).rejects.toThrow(/authorization/i);
    await expect(connect({ servers: stack.nats.url, reconnect: false })).rejects.toThrow(
      /authorization/i,
    );
  });
});
