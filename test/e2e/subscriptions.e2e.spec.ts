import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import WebSocket from 'ws';
import { loadConfig } from '#libs/config';
import { scopeOfEvent } from '#libs/contracts';
import { DomainEventStream } from '#libs/messaging';
import {
  eventually,
  freePort,
  readEventStream,
  SubscriptionTestClient,
  TEST_CALLER_SIGNING_SECRET,
  TEST_JWT_ISSUER,
  TEST_JWT_SECRET,
  testToken,
  type StoredEvent,
} from '#libs/testing';
import { startGateway } from '../../apps/gateway/src/gateway.app.js';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config.js';
import { createAgency } from '../support/agency-factory.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';
import {
  ADD_SESSION,
  ASSIGN,
  createTraining,
  createWorkStream,
} from '../support/training-factory.js';

let stack: ConveneStack;
let events: DomainEventStream;
let agencyId: string;
let workStreamA: string;
let workStreamB: string;

beforeAll(async () => {
  stack = await startConveneStack();
  events = await DomainEventStream.connect(stack.nats.url, 'subscriptions-test');
  agencyId = (await createAgency(stack.graphql, { acronym: 'UNESCO' })).id;
  workStreamA = await createWorkStream(stack.graphql, 6, [agencyId]);
  workStreamB = await createWorkStream(stack.graphql, 7, [agencyId]);
});

afterAll(async () => {
  await events?.close();
  await stack?.stop();
});

/** connection_init as the stack's admin. */
const asAdmin = () => ({ authorization: `Bearer ${stack.adminToken}` });

const TRAINING_CHANGED = `
  subscription($id: ID!, $after: ID) {
    trainingChanged(id: $id, after: $after) {
      event { id type subject time actor correlationId data }
      training { id title sessions { id } }
    }
  }`;

const DOMAIN_EVENTS = `
  subscription($filter: DomainEventFilterInput, $after: ID) {
    domainEvents(filter: $filter, after: $after) { id type subject data }
  }`;

interface TrainingChanged {
  trainingChanged: {
    event: { id: string; type: string; subject: string; data: Record<string, unknown> };
    training: { id: string; title: string; sessions: { id: string }[] } | null;
  };
}

interface DomainEvents {
  domainEvents: { id: string; type: string; subject: string; data: Record<string, unknown> };
}

let sessionDay = 0;
/** A session on a day of its own, so that no two overlap. */
function addSession(trainingId: string) {
  sessionDay += 1;
  const day = String(sessionDay).padStart(2, '0');
  return stack.graphql.data(ADD_SESSION, {
    input: {
      trainingId,
      startsAt: `2031-01-${day}T13:00:00Z`,
      endsAt: `2031-01-${day}T15:00:00Z`,
      timeZone: 'Europe/Paris',
    },
  });
}

function renameTraining(id: string, title: string) {
  return stack.graphql.data(
    `mutation($input: UpdateTrainingInput!) { updateTraining(input: $input) { id } }`,
    { input: { id, title } },
  );
}

/** Waits until the stream holds `count` events about the training; returns them in stream order. */
async function streamEventsOf(trainingId: string, count: number): Promise<StoredEvent[]> {
  const about = (stored: StoredEvent[]) =>
    stored.filter((entry) => scopeOfEvent(entry.event.data).trainingIds.includes(trainingId));
  return about(
    await eventually(
      () => readEventStream(stack.nats.url),
      (stored) => about(stored).length >= count,
    ),
  );
}

async function newestEventId(): Promise<string> {
  const stored = await readEventStream(stack.nats.url);
  const newest = stored.at(-1);
  if (!newest) throw new Error('the stream is empty');
  return newest.event.id;
}

async function noConsumersLeft(): Promise<number> {
  return eventually(
    () => events.consumerCount(),
    (count) => count === 0,
  );
}

describe('trainingChanged over graphql-ws', () => {
  it('delivers a change within a second, and after a reconnect exactly the missed ones, in order, then live ones', async () => {
    const training = await createTraining(stack.graphql, workStreamA, {
      title: 'Pilot, session 1',
    });
    const other = await createTraining(stack.graphql, workStreamA, { title: 'Another training' });
    const [created] = await streamEventsOf(training.id, 1);
    const stored = await readEventStream(stack.nats.url);
    const beforeCreated =
      stored[stored.findIndex((entry) => entry.event.id === created?.event.id) - 1];

    const client = new SubscriptionTestClient(stack.graphql.url, asAdmin());
    const live = client.subscribe<TrainingChanged>(TRAINING_CHANGED, {
      id: training.id,
      after: beforeCreated?.event.id,
    });
    // The creation, replayed: the subscription is established, so what follows measures delivery.
    await live.waitFor(1);

    const delays: number[] = [];
    const mutate = async (change: () => Promise<unknown>, expected: number) => {
      const sentAt = performance.now();
      await change();
      const received = await live.waitFor(expected);
      delays.push((received[expected - 1]?.receivedAt ?? Infinity) - sentAt);
    };
    await mutate(() => renameTraining(training.id, 'Pilot, first session'), 2);
    await mutate(() => addSession(training.id), 3);
    for (const delay of delays) expect(delay).toBeLessThan(1000);
    process.stdout.write(
      `trainingChanged delivery delays: ${delays.map((d) => d.toFixed(1)).join(', ')} ms\n`,
    );

    const [echo, renamed, scheduled] = live.data().map((data) => data.trainingChanged);
    expect(echo?.event.id).toBe(created?.event.id);
    expect(renamed?.event).toMatchObject({
      type: 'convene.events.training.updated',
      subject: training.id,
      actor: 'test-admin',
      data: { trainingId: training.id, workStreamId: workStreamA },
    });
    expect(renamed?.training?.title).toBe('Pilot, first session');
    expect(scheduled?.event.type).toBe('convene.events.session.added');
    expect(scheduled?.training?.sessions).toHaveLength(1);
    const lastSeen = scheduled?.event.id;

    await client.dispose();
    await noConsumersLeft();

    // Missed while away: a session, an assignment, a material linked to it; and noise.
    await addSession(training.id);
    await renameTraining(other.id, 'Not this one');
    await stack.graphql.data(ASSIGN, {
      input: { trainingId: training.id, agencyId, role: 'CONVENER' },
    });
    await stack.graphql.data(
      `mutation($input: PublishResourceInput!) { publishResource(input: $input) { id } }`,
      {
        input: {
          title: 'Pilot slides',
          type: 'TRAINING_MATERIAL',
          language: 'en',
          trainingIds: [training.id],
        },
      },
    );
    const all = await streamEventsOf(training.id, 6);
    const missed = all.slice(all.findIndex((entry) => entry.event.id === lastSeen) + 1);
    expect(missed.map((entry) => entry.event.type)).toEqual([
      'convene.events.session.added',
      'convene.events.assignment.added',
      'convene.knowledge.resource.published',
    ]);

    const again = new SubscriptionTestClient(stack.graphql.url, asAdmin());
    const resumed = again.subscribe<TrainingChanged>(TRAINING_CHANGED, {
      id: training.id,
      after: lastSeen,
    });
    await resumed.waitFor(missed.length);
    await renameTraining(training.id, 'Pilot, back live');
    await resumed.waitFor(missed.length + 1);

    const received = resumed.data().map((data) => data.trainingChanged);
    expect(received.map((change) => change.event.id)).toEqual([
      ...missed.map((entry) => entry.event.id),
      (await streamEventsOf(training.id, 7)).at(-1)?.event.id,
    ]);
    expect(received.at(-1)?.training?.title).toBe('Pilot, back live');
    expect(received.at(-1)?.training?.sessions).toHaveLength(2);
    await again.dispose();
  });

  it('refuses an unknown training with NOT_FOUND', async () => {
    const client = new SubscriptionTestClient(stack.graphql.url, asAdmin());
    const subscription = client.subscribe(TRAINING_CHANGED, { id: randomUUID() });
    const [first] = await subscription.waitFor(1);
    expect(first?.result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    await client.dispose();
  });
});

describe('domainEvents over graphql-ws', () => {
  it('filters by type, work stream and training: nothing else arrives', async () => {
    expect(await noConsumersLeft()).toBe(0); // the previous tests' sockets are closed
    const first = await createTraining(stack.graphql, workStreamA, { title: 'First' });
    const sibling = await createTraining(stack.graphql, workStreamA, { title: 'Sibling' });
    const elsewhere = await createTraining(stack.graphql, workStreamB, { title: 'Elsewhere' });
    await streamEventsOf(elsewhere.id, 1);
    const anchor = await newestEventId();

    const client = new SubscriptionTestClient(stack.graphql.url, asAdmin());
    const open = (filter: Record<string, unknown>) =>
      client.subscribe<DomainEvents>(DOMAIN_EVENTS, { filter, after: anchor });
    const byType = open({ types: ['convene.events.session.added'] });
    const byWorkStream = open({ workStreamId: workStreamA });
    const byTraining = open({ trainingId: first.id });
    const byTypeAndTraining = open({
      types: ['convene.events.training.updated', 'convene.events.session.added'],
      trainingId: first.id,
    });

    await renameTraining(first.id, 'First, renamed');
    await addSession(elsewhere.id);
    await renameTraining(sibling.id, 'Sibling, renamed');
    await addSession(sibling.id);
    await renameTraining(elsewhere.id, 'Elsewhere, renamed');
    // Last, and matching every filter: once it arrives, all that came before it has too.
    await addSession(first.id);

    const received = async (subscription: typeof byType, count: number) => {
      await subscription.waitFor(count);
      return subscription
        .data()
        .map(({ domainEvents }) => `${domainEvents.type} ${domainEvents.subject}`);
    };
    expect(await received(byType, 3)).toEqual([
      `convene.events.session.added ${elsewhere.id}`,
      `convene.events.session.added ${sibling.id}`,
      `convene.events.session.added ${first.id}`,
    ]);
    expect(await received(byWorkStream, 4)).toEqual([
      `convene.events.training.updated ${first.id}`,
      `convene.events.training.updated ${sibling.id}`,
      `convene.events.session.added ${sibling.id}`,
      `convene.events.session.added ${first.id}`,
    ]);
    expect(await received(byTraining, 2)).toEqual([
      `convene.events.training.updated ${first.id}`,
      `convene.events.session.added ${first.id}`,
    ]);
    expect(await received(byTypeAndTraining, 2)).toEqual([
      `convene.events.training.updated ${first.id}`,
      `convene.events.session.added ${first.id}`,
    ]);
    expect(byWorkStream.data()[0]?.domainEvents.data).toMatchObject({
      workStreamId: workStreamA,
      trainingId: first.id,
      training: { title: 'First, renamed' },
    });

    expect(await events.consumerCount()).toBe(4);
    byType.unsubscribe();
    byWorkStream.unsubscribe();
    await eventually(
      () => events.consumerCount(),
      (count) => count === 2,
    );
    await client.dispose();
    expect(await noConsumersLeft()).toBe(0);
  });

  it('answers an unknown after id or event type with BAD_USER_INPUT naming the field', async () => {
    const client = new SubscriptionTestClient(stack.graphql.url, asAdmin());
    const unknownAfter = client.subscribe(DOMAIN_EVENTS, { after: randomUUID() });
    const unknownType = client.subscribe(DOMAIN_EVENTS, {
      filter: { types: ['convene.events.training.exploded'] },
    });
    const [afterError] = await unknownAfter.waitFor(1);
    const [typeError] = await unknownType.waitFor(1);

    expect(afterError?.result.errors?.[0]?.message).toMatch(/unknown or has expired/);
    expect(afterError?.result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'after', rule: 'isRecentEvent' })],
    });
    expect(typeError?.result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'filter.types', rule: 'isIn' })],
    });
    await unknownAfter.waitFor(2).catch(() => undefined);
    expect(unknownAfter.completed).toBe(true);
    await client.dispose();
  });

  it('closes a socket that never sends connection_init with 4408', async () => {
    const socket = new WebSocket(stack.graphql.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const openedAt = performance.now();
    const code = await new Promise<number>((resolve) =>
      socket.on('close', (closeCode) => resolve(closeCode)),
    );
    expect(code).toBe(4408);
    expect(performance.now() - openedAt).toBeGreaterThanOrEqual(2900);
  });

  it('closes a socket that subscribes before its connection_init was acknowledged with 4401', async () => {
    const socket = new WebSocket(stack.graphql.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) =>
      socket.on('close', (closeCode) => resolve(closeCode)),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: DOMAIN_EVENTS } }));
    expect(await closed).toBe(4401);
  });
});

describe('another gateway replica, with a resume window of 3 events', () => {
  let replicaUrl: string;
  let replica: Awaited<ReturnType<typeof startGateway>> | undefined;

  beforeAll(async () => {
    const config = loadConfig(GatewayConfig, {
      NATS_URL: stack.nats.url,
      LOG_LEVEL: 'error',
      PORT: String(await freePort()),
      SUBSCRIPTION_RESUME_WINDOW: '3',
      CALLER_SIGNING_SECRET: TEST_CALLER_SIGNING_SECRET,
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      AUTH_ISSUER: TEST_JWT_ISSUER,
    });
    replica = await startGateway(config);
    replicaUrl = `http://127.0.0.1:${config.PORT}/graphql`;
  });

  afterAll(async () => {
    await replica?.close();
  });

  it('resumes after a recent event, and calls an older one expired', async () => {
    const stored = await readEventStream(stack.nats.url);
    const client = new SubscriptionTestClient(replicaUrl, asAdmin());
    const expired = client.subscribe(DOMAIN_EVENTS, { after: stored[0]?.event.id });
    const recent = client.subscribe<DomainEvents>(DOMAIN_EVENTS, {
      after: stored.at(-3)?.event.id,
    });

    const [refusal] = await expired.waitFor(1);
    expect(refusal?.result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'after' })],
    });
    await recent.waitFor(2);
    expect(recent.data().map(({ domainEvents }) => domainEvents.id)).toEqual(
      stored.slice(-2).map((entry) => entry.event.id),
    );
    await client.dispose();
  });

  it('closes every socket and consumer when it shuts down', async () => {
    expect(await noConsumersLeft()).toBe(0);
    const client = new SubscriptionTestClient(replicaUrl, asAdmin());
    const subscription = client.subscribe<DomainEvents>(DOMAIN_EVENTS, {
      filter: { workStreamId: workStreamB },
      after: await newestEventId(),
    });
    await eventually(
      () => events.consumerCount(),
      (count) => count === 1,
    );

    await replica?.close();
    replica = undefined;
    expect(await client.closed).toBe(1001);
    expect(subscription.failure ?? subscription.completed).toBeTruthy();
    expect(await noConsumersLeft()).toBe(0);
    await client.dispose();
  });
});

describe('who may subscribe', () => {
  it('closes a connection_init with a token that does not verify with 4403', async () => {
    const forged = await testToken({
      roles: ['admin'],
      secret: 'not-the-gateway-secret-0123456789abcdef',
    });
    const client = new SubscriptionTestClient(stack.graphql.url, {
      authorization: `Bearer ${forged}`,
    });
    expect(await client.closed).toBe(4403);
    await client.dispose();
  });

  it('refuses domainEvents to an anonymous caller and to an officer, with a clear code', async () => {
    const anonymous = new SubscriptionTestClient(stack.graphql.url);
    const refused = anonymous.subscribe(DOMAIN_EVENTS, {});
    await refused.waitFor(1).catch(() => undefined);
    expect(JSON.stringify(refused.failure ?? refused.received)).toContain('UNAUTHENTICATED');
    await anonymous.dispose();

    const officerToken = await testToken({ roles: ['officer'], agencyId });
    const officer = new SubscriptionTestClient(stack.graphql.url, {
      authorization: `Bearer ${officerToken}`,
    });
    const forbidden = officer.subscribe(DOMAIN_EVENTS, {});
    await forbidden.waitFor(1).catch(() => undefined);
    expect(JSON.stringify(forbidden.failure ?? forbidden.received)).toContain('FORBIDDEN');
    await officer.dispose();
  });

  it('gives an integration only its granted event types, and a convener only its work streams', async () => {
    const integrationToken = await testToken({
      roles: ['integration'],
      eventTypes: ['convene.events.training.updated'],
    });
    const integration = new SubscriptionTestClient(stack.graphql.url, {
      authorization: `Bearer ${integrationToken}`,
    });
    const granted = integration.subscribe<{ domainEvents: { type: string } }>(DOMAIN_EVENTS, {});
    const convenerToken = await testToken({ roles: ['convener'], workStreamIds: [workStreamA] });
    const convener = new SubscriptionTestClient(stack.graphql.url, {
      authorization: `Bearer ${convenerToken}`,
    });
    const own = convener.subscribe<{ domainEvents: { type: string; data: unknown } }>(
      DOMAIN_EVENTS,
      {},
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // both consumers in place

    const inA = await createTraining(stack.graphql, workStreamA, { title: 'Convened here' });
    const inB = await createTraining(stack.graphql, workStreamB, { title: 'Convened elsewhere' });
    await renameTraining(inB.id, 'Renamed elsewhere');
    await renameTraining(inA.id, 'Renamed here');

    const integrationGot = await granted.waitFor(2);
    expect(integrationGot.map(({ result }) => result.data?.domainEvents.type)).toEqual([
      'convene.events.training.updated',
      'convene.events.training.updated',
    ]);
    const convenerGot = await own.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 300)); // nothing of work stream B follows
    expect(own.data().map((data) => scopeOfEvent(data.domainEvents.data).workStreamId)).toEqual([
      workStreamA,
      workStreamA,
    ]);
    expect(convenerGot).toHaveLength(2);
    await Promise.all([integration.dispose(), convener.dispose()]);
  });
});
