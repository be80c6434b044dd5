import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { eventually, freePort, readCounter, readEventStream } from '#libs/testing';
import { createAgency } from '../support/agency-factory.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';
import { WebhookReceiver, type ReceivedWebhook } from '../support/webhook-receiver.js';

let stack: ConveneStack;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  stack = await startConveneStack({
    serviceEnv: {
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      // Milliseconds instead of the standard hours: four retries after the first attempt.
      WEBHOOK_RETRY_SCHEDULE: '150ms,300ms,600ms,1s',
      WEBHOOK_TIMEOUT_MS: '2000',
    },
  });
});

afterAll(async () => {
  await stack?.stop();
  await receiver?.stop();
});

const REGISTER = `
  mutation($input: RegisterWebhookEndpointInput!) {
    registerWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes allEventTypes enabled } }
  }`;

const DELIVERY_LOG = `
  query($id: ID!) {
    webhookEndpoint(id: $id) {
      enabled disabledReason
      deliveries(first: 10) {
        totalCount
        edges { node { id eventId eventType status attemptCount
          attempts { number series statusCode error latencyMs succeeded attemptedAt } } }
      }
    }
  }`;

interface DeliveryLog {
  webhookEndpoint: {
    enabled: boolean;
    disabledReason: string | null;
    deliveries: {
      totalCount: number;
      edges: {
        node: {
          id: string;
          eventId: string;
          eventType: string;
          status: string;
          attemptCount: number;
          attempts: {
            number: number;
            series: number;
            statusCode: number | null;
            error: string | null;
            latencyMs: number;
            succeeded: boolean;
          }[];
        };
      }[];
    };
  };
}

async function register(
  path: string,
  eventTypes: string[],
): Promise<{ id: string; secret: string }> {
  const data = await stack.graphql.data<{
    registerWebhookEndpoint: { secret: string; endpoint: { id: string } };
  }>(REGISTER, { input: { url: `${receiver.baseUrl}${path}`, eventTypes } });
  return {
    id: data.registerWebhookEndpoint.endpoint.id,
    secret: data.registerWebhookEndpoint.secret,
  };
}

function deliveryLog(endpointId: string): Promise<DeliveryLog> {
  return stack.graphql.data<DeliveryLog>(DELIVERY_LOG, { id: endpointId });
}

/** Requests to `path` about the aggregate `subject`. */
function requestsAbout(path: string, subject: string): ReceivedWebhook[] {
  return receiver
    .requestsTo(path)
    .filter((request) => (JSON.parse(request.body) as { subject: string }).subject === subject);
}

const headersOf = (request: ReceivedWebhook) => ({
  'webhook-id': String(request.headers['webhook-id']),
  'webhook-timestamp': String(request.headers['webhook-timestamp']),
  'webhook-signature': String(request.headers['webhook-signature']),
});

describe('webhooks', () => {
  it('retries a failing endpoint until it answers 2xx: three signed attempts, one webhook-id, logged', async () => {
    receiver.script('/retry', [500, 500, 200]);
    const endpoint = await register('/retry', ['convene.agencies.agency.created']);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/);
    expect(Buffer.from(endpoint.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);

    const agency = await createAgency(stack.graphql, { acronym: 'UNIDO', name: 'UNIDO' });
    const requests = await eventually(
      async () => requestsAbout('/retry', agency.id),
      (found) => found.length >= 3,
      10_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500)); // no fourth attempt follows
    expect(requestsAbout('/retry', agency.id)).toHaveLength(3);

    const [event] = (await readEventStream(stack.nats.url)).filter(
      (entry) => entry.event.subject === agency.id,
    );
    const webhook = new Webhook(endpoint.secret);
    for (const request of requests) {
      expect(request.headers['webhook-id']).toBe(event?.event.id);
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['webhook-signature']).toMatch(/^v1,/);
      expect(JSON.parse(request.body)).toEqual(event?.event);
      expect(webhook.verify(request.body, headersOf(request))).toEqual(event?.event);
    }
    // Retries wait: 150 ms and 300 ms give or take 20 % jitter.
    expect((requests[1]?.receivedAt ?? 0) - (requests[0]?.receivedAt ?? 0)).toBeGreaterThanOrEqual(
      100,
    );

    const [last] = requests.slice(-1) as ReceivedWebhook[];
    const tampered = last.body.replace('UNIDO', 'UNIDX');
    expect(() => webhook.verify(tampered, headersOf(last))).toThrow(/signature/i);
    const old = new Date(Date.now() - 10 * 60 * 1000);
    const oldHeaders = {
      'webhook-id': headersOf(last)['webhook-id'],
      'webhook-timestamp': String(Math.floor(old.getTime() / 1000)),
      'webhook-signature': webhook.sign(headersOf(last)['webhook-id'], old, last.body),
    };
    expect(() => webhook.verify(last.body, oldHeaders)).toThrow(/too old/i);
    const replayedHeaders = {
      ...headersOf(last),
      'webhook-timestamp': oldHeaders['webhook-timestamp'],
    };
    expect(() => webhook.verify(last.body, replayedHeaders)).toThrow();

    const log = await eventually(
      () => deliveryLog(endpoint.id),
      (found) => found.webhookEndpoint.deliveries.edges[0]?.node.status === 'SUCCEEDED',
    );
    const [delivery] = log.webhookEndpoint.deliveries.edges.map((edge) => edge.node);
    expect(delivery).toMatchObject({
      eventId: event?.event.id,
      eventType: 'convene.agencies.agency.created',
      status: 'SUCCEEDED',
      attemptCount: 3,
    });
    expect(
      delivery?.attempts.map((attempt) => [attempt.number, attempt.statusCode, attempt.succeeded]),
    ).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 200, true],
    ]);
    for (const attempt of delivery?.attempts ?? [])
      expect(attempt.latencyMs).toBeGreaterThanOrEqual(0);

    const metrics = `${stack.serviceUrl('webhooks')}/metrics`;
    expect(
      await readCounter(metrics, 'convene_webhook_attempts_total', { outcome: 'failed' }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      await readCounter(metrics, 'convene_webhook_deliveries_total', { status: 'succeeded' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('retries after a timeout, and fails a delivery once the schedule is used up', async () => {
    receiver.script('/slow', [0, 200]);
    const slow = await register('/slow', ['convene.agencies.agency.created']);
    const refusedPort = await freePort();
    const refused = await stack.graphql.data<{
      registerWebhookEndpoint: { endpoint: { id: string } };
    }>(REGISTER, {
      input: {
        url: `http://127.0.0.1:${refusedPort}/nobody`,
        eventTypes: ['convene.agencies.agency.created'],
      },
    });
    const refusedId = refused.registerWebhookEndpoint.endpoint.id;
    await createAgency(stack.graphql);

    const slowLog = await eventually(
      () => deliveryLog(slow.id),
      (found) => found.webhookEndpoint.deliveries.edges[0]?.node.status === 'SUCCEEDED',
      10_000,
    );
    const slowAttempts = slowLog.webhookEndpoint.deliveries.edges[0]?.node.attempts ?? [];
    expect(slowAttempts.map((attempt) => attempt.statusCode)).toEqual([null, 200]);
    expect(slowAttempts[0]?.error).toMatch(/no answer within 2000 ms/);
    expect(slowAttempts[0]?.latencyMs).toBeGreaterThanOrEqual(2000);

    const refusedLog = await eventually(
      () => deliveryLog(refusedId),
      (found) => found.webhookEndpoint.deliveries.edges[0]?.node.status === 'FAILED',
      10_000,
    );
    const refusedAttempts = refusedLog.webhookEndpoint.deliveries.edges[0]?.node.attempts ?? [];
    expect(refusedAttempts).toHaveLength(5); // the first attempt and the schedule's four retries
    for (const attempt of refusedAttempts) {
      expect(attempt.statusCode).toBeNull();
      expect(attempt.error).toMatch(/ECONNREFUSED/);
    }
    expect(refusedLog.webhookEndpoint.enabled).toBe(true);
    await stack.graphql.data(`mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }`, {
      id: refusedId,
    });
    await stack.graphql.data(`mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }`, {
      id: slow.id,
    });
  });

  it('replays a delivery: a new series of attempts with the same webhook-id', async () => {
    const endpoint = await register('/replay', ['convene.agencies.agency.created']);
    const agency = await createAgency(stack.graphql);
    await eventually(
      async () => requestsAbout('/replay', agency.id),
      (found) => found.length === 1,
    );
    const log = await eventually(
      () => deliveryLog(endpoint.id),
      (found) => found.webhookEndpoint.deliveries.edges[0]?.node.status === 'SUCCEEDED',
    );
    const deliveryId = log.webhookEndpoint.deliveries.edges[0]?.node.id;

    const replayed = await stack.graphql.data<{ replayWebhookDelivery: { status: string } }>(
      `mutation($id: ID!) { replayWebhookDelivery(id: $id) { status } }`,
      { id: deliveryId },
    );
    expect(replayed.replayWebhookDelivery.status).toBe('PENDING');
    const requests = await eventually(
      async () => requestsAbout('/replay', agency.id),
      (found) => found.length === 2,
    );
    expect(requests[1]?.headers['webhook-id']).toBe(requests[0]?.headers['webhook-id']);
    expect(requests[1]?.body).toBe(requests[0]?.body);
    expect(
      new Webhook(endpoint.secret).verify(
        requests[1]?.body ?? '',
        headersOf(requests[1] as ReceivedWebhook),
      ),
    ).toBeTruthy();

    const after = await eventually(
      () => deliveryLog(endpoint.id),
      (found) => found.webhookEndpoint.deliveries.edges[0]?.node.attemptCount === 2,
    );
    const attempts = after.webhookEndpoint.deliveries.edges[0]?.node.attempts ?? [];
    expect(attempts.map((attempt) => [attempt.number, attempt.series, attempt.statusCode])).toEqual(
      [
        [1, 0, 200],
        [2, 1, 200],
      ],
    );
  });

  it('records an event that reaches the stream twice as one delivery', async () => {
    const endpoint = await register('/once', ['convene.agencies.agency.archived']);
    const event = {
      specversion: '1.0',
      id: randomUUID(),
      source: '/convene/agencies',
      type: 'convene.agencies.agency.archived',
      subject: randomUUID(),
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data: {},
      conveneactor: 'test',
      convenecorrelationid: 'test',
    };
    const connection = await connect({ servers: stack.nats.url });
    try {
      // Different message ids, so the stream keeps both copies: the consumer must dedupe.
      for (const msgID of [randomUUID(), randomUUID()]) {
        await jetstream(connection).publish(event.type, JSON.stringify(event), { msgID });
      }
    } finally {
      await connection.close();
    }
    await eventually(
      async () => requestsAbout('/once', event.subject),
      (found) => found.length >= 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(requestsAbout('/once', event.subject)).toHaveLength(1);
    const log = await deliveryLog(endpoint.id);
    expect(log.webhookEndpoint.deliveries.totalCount).toBe(1);
  });

  it('disables an endpoint that answers 410 Gone and fails its delivery at once', async () => {
    receiver.script('/gone', [410]);
    const endpoint = await register('/gone', ['convene.agencies.agency.created']);
    const agency = await createAgency(stack.graphql);
    const log = await eventually(
      () => deliveryLog(endpoint.id),
      (found) => !found.webhookEndpoint.enabled,
    );
    expect(log.webhookEndpoint.enabled).toBe(false);
    expect(log.webhookEndpoint.disabledReason).toMatch(/410/);
    const [delivery] = log.webhookEndpoint.deliveries.edges.map((edge) => edge.node);
    expect(delivery).toMatchObject({ status: 'FAILED', attemptCount: 1 });
    expect(requestsAbout('/gone', agency.id)).toHaveLength(1);

    // While disabled, new events are not delivered to it.
    const later = await createAgency(stack.graphql);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(requestsAbout('/gone', later.id)).toHaveLength(0);

    const events = await eventually(
      () => readEventStream(stack.nats.url),
      (stored) => stored.some((entry) => entry.event.type === 'convene.webhooks.endpoint.disabled'),
    );
    const disabled = events.find(
      (entry) => entry.event.type === 'convene.webhooks.endpoint.disabled',
    );
    expect(disabled?.event.subject).toBe(endpoint.id);
    expect(JSON.stringify(disabled?.event.data)).not.toContain('whsec_');
  });

  it('finishes a delivery after the webhooks service restarts mid-retry', async () => {
    receiver.script('/restart', [503]);
    const endpoint = await register('/restart', ['convene.agencies.agency.created']);
    const agency = await createAgency(stack.graphql);
    await eventually(
      async () => requestsAbout('/restart', agency.id),
      (found) => found.length >= 1,
    );
    await stack.stopService('webhooks');
    const before = requestsAbout('/restart', agency.id).length;
    receiver.script('/restart', [200]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requestsAbout('/restart', agency.id)).toHaveLength(before); // nobody is delivering
    await stack.startService('webhooks');

    const log = await eventually(
      () => deliveryLog(endpoint.id),
      (found) => found.webhookEndpoint.deliveries.edges[0]?.node.status === 'SUCCEEDED',
      10_000,
    );
    const attempts = log.webhookEndpoint.deliveries.edges[0]?.node.attempts ?? [];
    expect(attempts.at(-1)?.statusCode).toBe(200);
    expect(attempts.slice(0, -1).every((attempt) => attempt.statusCode === 503)).toBe(true);
    const ids = new Set(
      requestsAbout('/restart', agency.id).map((request) => request.headers['webhook-id']),
    );
    expect(ids.size).toBe(1);
  });

  it('lists, disables, enables, rotates and deletes endpoints, never showing a secret again', async () => {
    const endpoint = await register('/manage', ['convene.workstreams.workstream.created']);
    const list = await stack.graphql.request(
      `{ webhookEndpoints(first: 100) { totalCount edges { node { id url enabled } } } }`,
    );
    expect(list.text).not.toContain('whsec_');
    expect(list.text).toContain(endpoint.id);

    const disabled = await stack.graphql.data<{ disableWebhookEndpoint: { enabled: boolean } }>(
      `mutation($id: ID!) { disableWebhookEndpoint(id: $id) { enabled } }`,
      { id: endpoint.id },
    );
    expect(disabled.disableWebhookEndpoint.enabled).toBe(false);
    const enabled = await stack.graphql.data<{
      enableWebhookEndpoint: { enabled: boolean; disabledReason: string | null };
    }>(`mutation($id: ID!) { enableWebhookEndpoint(id: $id) { enabled disabledReason } }`, {
      id: endpoint.id,
    });
    expect(enabled.enableWebhookEndpoint).toEqual({ enabled: true, disabledReason: null });

    const rotated = await stack.graphql.data<{
      rotateWebhookEndpointSecret: { secret: string; endpoint: { version: number } };
    }>(
      `mutation($id: ID!) { rotateWebhookEndpointSecret(id: $id) { secret endpoint { version } } }`,
      { id: endpoint.id },
    );
    expect(rotated.rotateWebhookEndpointSecret.secret).toMatch(/^whsec_/);
    expect(rotated.rotateWebhookEndpointSecret.secret).not.toBe(endpoint.secret);

    await stack.graphql.data(`mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }`, {
      id: endpoint.id,
    });
    const gone = await stack.graphql.request(
      `query($id: ID!) { webhookEndpoint(id: $id) { id } }`,
      { id: endpoint.id },
    );
    expect(gone.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('reads the deliveries of every listed endpoint with one request to the webhooks service', async () => {
    const metrics = `${stack.gatewayUrl}/metrics`;
    const count = (subject: string) =>
      readCounter(metrics, 'convene_nats_requests_total', { subject });
    const before = await count('rpc.webhooks.delivery.pages');
    const data = await stack.graphql.data<{
      webhookEndpoints: { edges: { node: { deliveries: { totalCount: number } } }[] };
    }>(`{ webhookEndpoints(first: 100) { edges { node { url
          deliveries(first: 5) { totalCount edges { node { status attempts { statusCode } } } } } } } }`);
    expect(data.webhookEndpoints.edges.length).toBeGreaterThanOrEqual(4);
    expect(await count('rpc.webhooks.delivery.pages')).toBe(before + 1);
  });

  it('names the field and the rule of invalid registrations', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { url: 'ftp://example.org/hook', eventTypes: ['convene.agencies.agency.created'] },
        'url',
        'isUrl',
      ],
      [
        { url: 'https://example.org/hook', eventTypes: ['convene.agencies.agency.exploded'] },
        'eventTypes',
        'isDomainEventType',
      ],
      [{ url: 'https://example.org/hook' }, 'eventTypes', 'isArray'],
      [{ url: 'https://example.org/hook', eventTypes: [] }, 'eventTypes', 'arrayMinSize'],
      [
        {
          url: 'https://example.org/hook',
          eventTypes: ['convene.agencies.agency.created'],
          allEventTypes: true,
        },
        'eventTypes',
        'notWithAllEventTypes',
      ],
    ];
    for (const [input, field, rule] of cases) {
      const response = await stack.graphql.request(REGISTER, { input });
      expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions.fields).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, rule })]),
      );
    }
    const unknown = await stack.graphql.request(REGISTER, {
      input: { url: 'https://example.org/hook', eventTypes: ['convene.agencies.agency.exploded'] },
    });
    expect(unknown.errors?.[0]?.message).toContain('"convene.agencies.agency.exploded"');

    const all = await stack.graphql.data<{
      registerWebhookEndpoint: { endpoint: { allEventTypes: boolean; eventTypes: string[] } };
    }>(REGISTER, { input: { url: 'https://example.org/all', allEventTypes: true } });
    expect(all.registerWebhookEndpoint.endpoint).toMatchObject({
      allEventTypes: true,
      eventTypes: [],
    });
  });
});
