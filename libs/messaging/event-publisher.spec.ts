import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { startNatsServer, type NatsServerHandle } from '#libs/testing';
import { DOMAIN_EVENT_STREAM, EventPublisher } from './event-publisher.js';

const NANOS_PER_DAY = 24 * 60 * 60 * 1_000_000_000;

let nats: NatsServerHandle;

beforeAll(async () => {
  nats = await startNatsServer();
});

afterAll(async () => {
  await nats?.dispose();
});

async function streamConfig() {
  const connection = await connect({ servers: nats.url });
  try {
    const manager = await jetstreamManager(connection);
    return (await manager.streams.info(DOMAIN_EVENT_STREAM)).config;
  } finally {
    await connection.close();
  }
}

describe('the domain-event stream', () => {
  it('is created with its retention limits, and an existing one is brought to new limits', async () => {
    const first = await EventPublisher.connect(nats.url, 'publisher-test');
    const second = await EventPublisher.connect(nats.url, 'publisher-test');
    try {
      await Promise.all([
        first.ensureStream({ maxAgeDays: 30, maxMegabytes: 256 }),
        second.ensureStream({ maxAgeDays: 30, maxMegabytes: 256 }),
      ]);
      expect(await streamConfig()).toMatchObject({
        subjects: ['convene.>'],
        max_age: 30 * NANOS_PER_DAY,
        max_bytes: 256 * 1024 * 1024,
        discard: 'old',
      });

      await first.ensureStream({ maxAgeDays: 7, maxMegabytes: 64 });
      expect(await streamConfig()).toMatchObject({
        max_age: 7 * NANOS_PER_DAY,
        max_bytes: 64 * 1024 * 1024,
      });
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
