import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
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

// Issue #5, test 1: a service killed with SIGKILL between committing a change and publishing
// its event publishes it after restart, and a durable consumer sees every event id once.

let nats: NatsServerHandle;
let database: TestDatabase;
let rpc: RpcClient;
let agencies: ServiceProcess | undefined;
const consumers: DurableConsumer[] = [];
const locks: pg.Client[] = [];
let created = 0;

const startAgencies = async () => {
  agencies = await startServiceProcess('agencies', {
    DATABASE_URL: database.url,
    NATS_URL: nats.url,
  });
};

/** Holds the agencies relay's lock, as a busy relay elsewhere would: commits pile up unpublished. */
async function holdRelayLock(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: database.url });
  client.on('error', () => undefined);
  locks.push(client);
  await client.connect();
  await client.query(`SELECT pg_advisory_lock(hashtext('convene:relay:agencies'))`);
  return client;
}

async function createAgencies(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 10) {
    const batch = Array.from({ length: Math.min(10, count - index) }, () => {
      created += 1;
      return rpc.request(
        AgencyRpc.create,
        {
          acronym: `CRASH${created}`,
          name: `Crash Test Agency ${created}`,
          kind: AgencyKind.SPECIALIZED_AGENCY,
          headquarters: 'Geneva',
        },
        newCallContext(SYSTEM_CALLER),
      );
    });
    ids.push(...(await Promise.all(batch)).map((agency) => agency.id));
  }
  return ids;
}

const unpublishedIds = async (): Promise<string[]> =>
  (await database.query('SELECT id FROM agencies.outbox WHERE published_at IS NULL')).map((row) =>
    String(row.id),
  );

const outboxIdsFor = async (agencyIds: string[]): Promise<string[]> =>
  (
    await database.query('SELECT id FROM agencies.outbox WHERE aggregate_id = ANY($1::text[])', [
      agencyIds,
    ])
  ).map((row) => String(row.id));

function countById(consumer: DurableConsumer, ids: string[]): Map<string, number> {
  const wanted = new Set(ids);
  const counts = new Map<string, number>();
  for (const event of consumer.received)
    if (wanted.has(event.id)) counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
  return counts;
}

beforeAll(async () => {
  buildApps();
  [nats, database] = await Promise.all([startNatsServer(), createTestDatabase()]);
  rpc = await RpcClient.connect({
    url: nats.url,
    name: 'crash-test',
    timeoutMs: 5000,
    callerSigningSecret: TEST_CALLER_SIGNING_SECRET,
  });
  await startAgencies();
});

jest.setTimeout(60_000);

afterEach(async () => {
  await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
  await Promise.all(locks.splice(0).map((lock) => lock.end().catch(() => undefined)));
});

afterAll(async () => {
  await agencies?.kill();
  await rpc?.close();
  await nats?.dispose();
  await database?.drop();
});

describe('a service killed with SIGKILL around publishing its events', () => {
  it('publishes after restart what it committed but never published, once', async () => {
    const consumer = await startDurableConsumer(nats.url, 'crash-before-publish');
    consumers.push(consumer);
    const lock = await holdRelayLock();
    const agencyIds = await createAgencies(20);
    const eventIds = await outboxIdsFor(agencyIds);
    expect(eventIds).toHaveLength(20);
    expect(await unpublishedIds()).toEqual(expect.arrayContaining(eventIds));

    await agencies?.kill();
    await lock.end();
    await startAgencies();

    await eventually(
      async () => countById(consumer, eventIds).size,
      (seen) => seen === 20,
      10_000,
    );
    // Anything published twice would have arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const counts = countById(consumer, eventIds);
    expect([...counts.keys()].sort()).toEqual([...eventIds].sort());
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(await unpublishedIds()).toEqual([]);
  });

  it('after a kill between publishing a batch and marking it published, the re-publication is dropped', async () => {
    const consumer = await startDurableConsumer(nats.url, 'crash-mid-publish');
    consumers.push(consumer);
    const lock = await holdRelayLock();
    const agencyIds = await createAgencies(300);
    const eventIds = await outboxIdsFor(agencyIds);

    // The relay publishes a batch of 100, then marks it. A SHARE lock on the outbox lets it
    // claim and publish (row locks) but holds its UPDATE: kill it while it waits there.
    const tableLock = new pg.Client({ connectionString: database.url });
    tableLock.on('error', () => undefined);
    locks.push(tableLock);
    await tableLock.connect();
    await tableLock.query('BEGIN');
    await tableLock.query('LOCK TABLE agencies.outbox IN SHARE MODE');
    await lock.end();
    await eventually(
      async () => countById(consumer, eventIds).size,
      (seen) => seen >= 100,
      10_000,
    );
    await agencies?.kill();
    await tableLock.query('ROLLBACK');

    const seenBeforeRestart = [...countById(consumer, eventIds).keys()];
    expect(seenBeforeRestart).toHaveLength(100);
    const unpublished = new Set(await unpublishedIds());
    expect(seenBeforeRestart.filter((id) => unpublished.has(id))).toHaveLength(100);

    await startAgencies();
    await eventually(
      async () => countById(consumer, eventIds).size,
      (seen) => seen === 300,
      15_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const counts = countById(consumer, eventIds);
    expect(counts.size).toBe(300);
    expect([...counts.values()].filter((count) => count !== 1)).toEqual([]);
    expect(await unpublishedIds()).toEqual([]);
  });
});
