import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { ErrorCode, WebhookRpc } from '#libs/contracts';
import { newCallContext, RpcClient, RpcError } from '#libs/messaging';
import { eventually, TEST_CALLER_SIGNING_SECRET } from '#libs/testing';
import { createAgency } from '../support/agency-factory.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

// The production setting: WEBHOOK_ALLOW_PRIVATE_URLS is not set.
let stack: ConveneStack;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  stack = await startConveneStack({ serviceEnv: { WEBHOOK_RETRY_SCHEDULE: '100ms' } });
});

afterAll(async () => {
  await stack?.stop();
  await receiver?.stop();
});

const REGISTER = `
  mutation($input: RegisterWebhookEndpointInput!) {
    registerWebhookEndpoint(input: $input) { endpoint { id } }
  }`;

describe('webhooks to non-public addresses, when they are not allowed', () => {
  it.each([
    `http://127.0.0.1:1/hook`,
    'http://localhost:8080/hook',
    'http://api.localhost/hook',
    'http://[::1]/hook',
    'http://[::ffff:10.0.0.1]/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://10.1.2.3/hook',
    'https://192.168.1.10/hook',
  ])('refuses %s at registration, naming the field', async (url) => {
    const response = await stack.graphql.request(REGISTER, {
      input: { url, eventTypes: ['convene.agencies.agency.created'] },
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'url', rule: 'isPublicUrl' })],
    });
    expect(response.errors?.[0]?.message).toMatch(/url must point to a public address/);
  });

  it('refuses, at delivery, a name that resolves to a private address: the receiver gets nothing', async () => {
    // This machine's own name resolves to one of its own (loopback or private) addresses.
    const name = hostname();
    const { address } = await lookup(name);
    expect(address).toMatch(/^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|::1$|fe80:)/);

    const port = new URL(receiver.baseUrl).port;
    const registered = await stack.graphql.data<{
      registerWebhookEndpoint: { endpoint: { id: string } };
    }>(REGISTER, {
      input: {
        url: `http://${name}:${port}/private`,
        eventTypes: ['convene.agencies.agency.created'],
      },
    });
    await createAgency(stack.graphql);
    const log = await eventually(
      () =>
        stack.graphql.data<{
          webhookEndpoint: {
            deliveries: {
              edges: {
                node: { status: string; attempts: { statusCode: number | null; error: string }[] };
              }[];
            };
          };
        }>(
          `query($id: ID!) { webhookEndpoint(id: $id) { deliveries { edges { node {
             status attempts { statusCode error } } } } } }`,
          { id: registered.registerWebhookEndpoint.endpoint.id },
        ),
      (found) => found.webhookEndpoint.deliveries.edges[0]?.node.status === 'FAILED',
    );
    const delivery = log.webhookEndpoint.deliveries.edges[0]?.node;
    expect(delivery?.attempts).toHaveLength(2); // the first attempt and the one retry of the schedule
    for (const attempt of delivery?.attempts ?? []) {
      expect(attempt.statusCode).toBeNull();
      expect(attempt.error).toMatch(/non-public/);
    }
    expect(receiver.requestsTo('/private')).toHaveLength(0);
  });

  it('lets only admins (and the system) manage webhooks', async () => {
    const rpc = await RpcClient.connect({
      url: stack.nats.url,
      name: 'test',
      timeoutMs: 2000,
      callerSigningSecret: TEST_CALLER_SIGNING_SECRET,
    });
    try {
      const convener = newCallContext({ kind: 'user', id: 'u-1', roles: ['convener'] });
      const refused = await rpc
        .request(WebhookRpc.listEndpoints, {}, convener)
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RpcError);
      expect((refused as RpcError).code).toBe(ErrorCode.Forbidden);
      const integration = newCallContext({
        kind: 'integration',
        id: 'i-1',
        roles: ['integration'],
      });
      await expect(
        rpc.request(
          WebhookRpc.registerEndpoint,
          { url: 'https://example.org/hook', eventTypes: ['convene.agencies.agency.created'] },
          integration,
        ),
      ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
      const admin = newCallContext({ kind: 'user', id: 'u-2', roles: ['admin'] });
      const page = await rpc.request(WebhookRpc.listEndpoints, {}, admin);
      expect(page.totalCount).toBeGreaterThanOrEqual(1);
    } finally {
      await rpc.close();
    }
  });
});
