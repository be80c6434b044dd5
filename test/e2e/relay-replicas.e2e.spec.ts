import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AgencyKind, AgencyRpc } from '#libs/contracts';
import { newCallContext, RpcClient, SYSTEM_CALLER } from '#libs/messaging';
import {
  createTestDatabase,
  eventually,
  startDurableConsumer,
  startNatsServer,
  type DurableConsumer,
  type NatsServerHandle,
  type TestDatabase,
  TEST_CALLER_SIGNING_SECRET,
} from '#libs/testing';
import { buildApps, startServiceProcess, type ServiceProcess } from '../support/service-process.js';

// Issue #5, test 4: two replicas of a service, each with its relay, share the writes; a durable
// consumer gets every event once, none skipped, each agency's events in the order they committed.

const AGENCIES = 30;
const UPDATES_EACH = 4;

let nats: NatsServerHandle;
let database: TestDatabase;
let rpc: RpcClient;
let consumer: DurableConsumer;
const replicas: ServiceProcess[] = [];

jest.setTimeout(60_000);

beforeAll(async () => {
  buildApps();
  [nats, database] = await Promise.all([startNatsServer(), createTestDatabase()]);
  const env = { DATABASE_URL: database.url, NATS_URL: nats.url };
  // One after the other: the first migrates, the second finds the schema up to date.
  replicas.push(await startServiceProcess('agencies', env));
  replicas.push(await startServiceProcess('agencies', env));
  rpc = await RpcClient.connect({
    url: nats.url,
    name: 'replicas-test',
    timeoutMs: 5000,
    callerSigningSecret: TEST_CALLER_SIGNING_SECRET,
  });
  consumer = await startDurableConsumer(nats.url, 'replicas');
});

afterAll(async () => {
  await consumer?.stop();
  await Promise.all(replicas.map((replica) => replica.kill()));
  await rpc?.close();
  await nats?.dispose();
  await database?.drop();
});

describe('two replicas of a service, each running its outbox relay', () => {
  it('publish every event once, none skipped, each aggregate in commit order', async () => {
    const call = () => newCallContext(SYSTEM_CALLER);
    const agencies = await Promise.all(
      Array.from({ length: AGENCIES }, (_, index) =>
        rpc.request(
          AgencyRpc.create,
          {
            acronym: `REP${index}`,
            name: `Replica Test Agency ${index}`,
            kind: AgencyKind.RESEARCH_INSTITUTE,
            headquarters: 'Maastricht',
          },
          call(),
        ),
      ),
    );
    // Every agency is updated several times while the others are too: writes interleave.
    for (let round = 1; round <= UPDATES_EACH; round += 1) {
      await Promise.all(
        agencies.map((agency) =>
          rpc.request(
            AgencyRpc.update,
            { id: agency.id, headquarters: `Maastricht, round ${round}` },
            call(),
          ),
        ),
      );
    }

    const outbox: { id: string; aggregate_id: string }[] = await database.query(
      'SELECT id, aggregate_id FROM agencies.outbox ORDER BY position',
    );
    expect(outbox).toHaveLength(AGENCIES * (1 + UPDATES_EACH));
    await eventually(
      async () => consumer.received.length,
      (received) => received >= outbox.length,
      15_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const receivedIds = consumer.received.map((event) => event.id);
    expect(receivedIds).toHaveLength(outbox.length);
    expect(new Set(receivedIds)).toEqual(new Set(outbox.map((row) => row.id)));
    for (const agency of agencies) {
      const committed = outbox.filter((row) => row.aggregate_id === agency.id).map((row) => row.id);
      const delivered = consumer.received
        .filter((event) => event.subject === agency.id)
        .map((event) => event.id);
      expect(delivered).toEqual(committed);
    }
    // Both replicas really served writes (NATS queue group), so both relays had work to do.
    const metrics = await Promise.all(replicas.map((replica) => replica.metrics()));
    for (const text of metrics)
      expect(text).toMatch(/convene_rpc_handler_duration_seconds_count\{[^}]*\} [1-9]/);
  });
});
