import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { WebhookDeliveryStatus } from '#libs/contracts';
import { runMigrations } from '#libs/persistence';
import { createDataSourceFor } from '#libs/service';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { DeliveryQueue } from '../src/delivery/delivery-queue.js';
import { WEBHOOKS_SERVICE } from '../src/webhooks.definition.js';

let database: TestDatabase;
let dataSource: DataSource;
let queue: DeliveryQueue;

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = await createDataSourceFor(WEBHOOKS_SERVICE, database.url, 6).initialize();
  await runMigrations(dataSource, 'webhooks');
  queue = new DeliveryQueue(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

/** An endpoint with `count` deliveries due now. */
async function dueDeliveries(count: number, enabled = true): Promise<string> {
  const [{ id: endpointId }] = await database.query<{ id: string }>(
    `INSERT INTO webhooks.endpoint (url, event_types, secret, enabled)
     VALUES ('http://example.org/hook', '{convene.agencies.agency.created}', 'whsec_AAAA', $1) RETURNING id`,
    [enabled],
  );
  for (let index = 0; index < count; index += 1) {
    const eventId = randomUUID();
    await database.query(
      `INSERT INTO webhooks.event (id, type, body) VALUES ($1, 'convene.agencies.agency.created', '{}')`,
      [eventId],
    );
    await database.query(
      `INSERT INTO webhooks.delivery (endpoint_id, event_id, next_attempt_at) VALUES ($1, $2, now())`,
      [endpointId, eventId],
    );
  }
  return endpointId;
}

describe('the delivery queue', () => {
  it('hands each due delivery to one of several workers claiming at once, and leases it', async () => {
    await database.query('DELETE FROM webhooks.endpoint');
    await dueDeliveries(30);
    const claims = await Promise.all([
      queue.claim(12, 60_000),
      queue.claim(12, 60_000),
      queue.claim(12, 60_000),
    ]);
    const ids = claims.flat().map((delivery) => delivery.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(await queue.claim(10, 60_000)).toEqual([]); // leased: not due until the lease ends
    expect(claims.flat()[0]).toMatchObject({
      url: 'http://example.org/hook',
      secret: 'whsec_AAAA',
    });
  });

  it('gives a delivery whose worker died to another once the lease ends', async () => {
    await database.query('DELETE FROM webhooks.endpoint');
    await dueDeliveries(1);
    const [first] = await queue.claim(1, 50);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [second] = await queue.claim(1, 60_000);
    expect(second?.id).toBe(first?.id);
    const attempt = {
      attemptedAt: new Date(),
      statusCode: 200,
      error: null,
      latencyMs: 5,
      succeeded: true,
      status: WebhookDeliveryStatus.SUCCEEDED,
      retryInMs: null,
    };
    // The late first worker lost its lease: its result is not recorded over the second's.
    expect(await queue.record(first!, attempt)).toBe(false);
    expect(await queue.record(second!, attempt)).toBe(true);
    const attempts = await database.query('SELECT number, status_code FROM webhooks.attempt');
    expect(attempts).toEqual([{ number: 1, status_code: 200 }]);
  });

  it('holds the deliveries of a disabled endpoint', async () => {
    await database.query('DELETE FROM webhooks.endpoint');
    await dueDeliveries(3, false);
    expect(await queue.claim(10, 60_000)).toEqual([]);
    expect(await queue.nextDueInMs()).toBeUndefined();
  });
});
