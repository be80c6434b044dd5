import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { CloudEvent } from '#libs/contracts';
import { startNatsServer, type NatsServerHandle } from '#libs/testing';
import { DomainEventStream } from './domain-event-stream.js';
import { EventPublisher } from './event-publisher.js';

let nats: NatsServerHandle;
let publisher: EventPublisher;
let stream: DomainEventStream;
/** Ids of the published events; the event at index i has stream sequence i + 1. */
const ids: string[] = [];

function event(type: CloudEvent['type'], data: Record<string, unknown> = {}): CloudEvent<object> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: '/convene/test',
    type,
    subject: randomUUID(),
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
    conveneactor: 'test',
    convenecorrelationid: randomUUID(),
  };
}

async function publish(type: CloudEvent['type'], data?: Record<string, unknown>): Promise<string> {
  const published = event(type, data);
  await publisher.publish(published);
  ids.push(published.id);
  return published.id;
}

beforeAll(async () => {
  nats = await startNatsServer();
  publisher = await EventPublisher.connect(nats.url, 'stream-test');
  await publisher.ensureStream({ maxAgeDays: 1, maxMegabytes: 64 });
  stream = await DomainEventStream.connect(nats.url, 'stream-test-reader');
  // More than the first scan windows (256, then 1,024 further back) hold.
  for (let index = 0; index < 1500; index += 1) {
    await publish('convene.agencies.agency.updated', { index });
  }
}, 60_000);

afterAll(async () => {
  await stream?.close();
  await publisher?.close();
  await nats?.dispose();
});

describe('DomainEventStream.sequenceOf', () => {
  it('finds an event id near the newest and far back, in widening windows', async () => {
    expect(await stream.sequenceOf(ids[1499] as string, 100_000)).toBe(1500);
    expect(await stream.sequenceOf(ids[1200] as string, 100_000)).toBe(1201);
    expect(await stream.sequenceOf(ids[0] as string, 100_000)).toBe(1);
    expect(await stream.consumerCount()).toBe(0);
  });

  it('does not look further back than the resume window, nor know a made-up id', async () => {
    expect(await stream.sequenceOf(ids[0] as string, 1000)).toBeUndefined();
    expect(await stream.sequenceOf(ids[500] as string, 1000)).toBe(501);
    expect(await stream.sequenceOf(randomUUID(), 100_000)).toBeUndefined();
  });
});

describe('DomainEventStream.subscribe', () => {
  it('replays from a sequence in order, skips what it does not accept, then goes on live', async () => {
    const subscription = await stream.subscribe({
      subjects: ['convene.agencies.agency.updated', 'convene.events.session.added'],
      startSequence: 1498,
      accept: (candidate) => candidate.data.skip !== true,
    });
    await publish('convene.agencies.agency.created');
    await publish('convene.events.session.added', { skip: true });
    const live = await publish('convene.events.session.added');

    const received: string[] = [];
    for (let index = 0; index < 4; index += 1) {
      const next = await subscription.next();
      if (!next.done) received.push(next.value.id);
    }
    expect(received).toEqual([ids[1497], ids[1498], ids[1499], live]);
    await subscription.return();
  });

  it('ends a pending next and deletes its consumer when returned on a quiet stream', async () => {
    const subscription = await stream.subscribe({
      subjects: ['convene.events.feedback.submitted'],
    });
    expect(await stream.consumerCount()).toBe(1);
    const pending = subscription.next();
    await subscription.return();
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    expect(await stream.consumerCount()).toBe(0);
  });
});

describe('DomainEventStream before any service created the stream', () => {
  it('knows no event id, and refuses a subscription as SERVICE_UNAVAILABLE', async () => {
    const bare = await startNatsServer();
    const reader = await DomainEventStream.connect(bare.url, 'no-stream-reader');
    try {
      expect(await reader.sequenceOf(randomUUID(), 100)).toBeUndefined();
      await expect(reader.subscribe({ subjects: ['convene.>'] })).rejects.toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
      });
    } finally {
      await reader.close();
      await bare.dispose();
    }
  });
});
