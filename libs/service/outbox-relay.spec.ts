import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CloudEvent } from '#libs/contracts';
import { EventPublisher } from '#libs/messaging';
import { createOutboxNotifySql, createOutboxTableSql } from '#libs/persistence';
import {
  createTestDatabase,
  readEventStream,
  startNatsServer,
  type NatsServerHandle,
  type TestDatabase,
} from '#libs/testing';
import { OutboxRelay } from './outbox-relay.js';

const SCHEMA = 'relaytest';

let nats: NatsServerHandle;
let database: TestDatabase;
let dataSource: DataSource;

async function relay(idlePollMs?: number): Promise<OutboxRelay> {
  const publisher = await EventPublisher.connect(nats.url, 'relay-test');
  await publisher.ensureStream({ maxAgeDays: 1, maxMegabytes: 64 });
  return new OutboxRelay(dataSource, SCHEMA, publisher, idlePollMs);
}

/** Writes outbox rows as a service would after its changes committed. */
async function recordEvents(count: number, aggregate = randomUUID()): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = randomUUID();
    const envelope: CloudEvent<object> = {
      specversion: '1.0',
      id,
      source: '/convene/relaytest',
      type: 'convene.agencies.agency.updated',
      subject: aggregate,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data: { step: index },
      conveneactor: 'test',
      convenecorrelationid: 'test',
    };
    await database.query(
      `INSERT INTO ${SCHEMA}.outbox (id, type, aggregate_id, envelope) VALUES ($1, $2, $3, $4)`,
      [id, envelope.type, aggregate, envelope],
    );
    ids.push(id);
  }
  return ids;
}

const publishedIds = async () => (await readEventStream(nats.url)).map((entry) => entry.event.id);

beforeAll(async () => {
  [nats, database] = await Promise.all([startNatsServer(), createTestDatabase()]);
  await database.query(`CREATE SCHEMA ${SCHEMA}`);
  for (const statement of [...createOutboxTableSql(SCHEMA), ...createOutboxNotifySql(SCHEMA)]) {
    await database.query(statement);
  }
  dataSource = await new DataSource({
    type: 'postgres',
    url: database.url,
    extra: { max: 4 },
  }).initialize();
});

afterAll(async () => {
  await dataSource?.destroy();
  await nats?.dispose();
  await database?.drop();
});

beforeEach(async () => {
  await database.query(`DELETE FROM ${SCHEMA}.outbox`);
});

describe('the outbox relay', () => {
  it('publishes pending events in outbox order and marks them, each once, with two relays at work', async () => {
    const before = await publishedIds();
    const ids = await recordEvents(30);
    const [first, second] = await Promise.all([relay(), relay()]);
    await Promise.all([
      first.relayOnce(),
      second.relayOnce(),
      first.relayOnce(),
      second.relayOnce(),
    ]);
    await Promise.all([first.relayOnce(), second.relayOnce()]);

    const published = (await publishedIds()).slice(before.length);
    expect(published).toEqual(ids);
    expect(
      await database.query(`SELECT 1 FROM ${SCHEMA}.outbox WHERE published_at IS NULL`),
    ).toEqual([]);
    await Promise.all([first.beforeApplicationShutdown(), second.beforeApplicationShutdown()]);
  });

  it('keeps events while NATS is down and publishes them, once each, when it is back', async () => {
    const running = await relay();
    const before = await publishedIds();
    await nats.stop();
    const ids = await recordEvents(5);
    await expect(running.relayOnce()).rejects.toThrow();
    expect(
      await database.query(`SELECT 1 FROM ${SCHEMA}.outbox WHERE published_at IS NULL`),
    ).toHaveLength(5);

    await nats.start();
    let published = 0;
    const deadline = Date.now() + 15_000;
    while (published < 5 && Date.now() < deadline) {
      published += await running.relayOnce().catch(() => 0);
      if (published < 5) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect((await publishedIds()).slice(before.length)).toEqual(ids);
    await running.beforeApplicationShutdown();
  });

  it('is woken by the commit of a new event, not by its next poll', async () => {
    const before = await publishedIds();
    const running = await relay(60_000);
    running.onApplicationBootstrap();
    await new Promise((resolve) => setTimeout(resolve, 300)); // listening, then asleep for a minute
    const ids = await recordEvents(1);
    const deadline = Date.now() + 5000;
    while ((await publishedIds()).length === before.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await publishedIds()).slice(before.length)).toEqual(ids);
    await running.beforeApplicationShutdown();
  });

  it('lets JetStream drop an event published twice (a crash between publish and mark)', async () => {
    const [id] = await recordEvents(1);
    const before = await publishedIds();
    const first = await relay();
    await first.relayOnce();
    await database.query(`UPDATE ${SCHEMA}.outbox SET published_at = NULL WHERE id = $1`, [id]);
    await first.relayOnce();
    expect((await publishedIds()).slice(before.length)).toEqual([id]);
    await first.beforeApplicationShutdown();
  });
});
