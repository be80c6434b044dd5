import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect } from '@nats-io/transport-node';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '#libs/config';
import { AgencyRpc } from '#libs/contracts';
import {
  freePort,
  GraphQLTestClient,
  readCounter,
  TEST_CALLER_SIGNING_SECRET,
  TEST_JWT_ISSUER,
  TEST_JWT_SECRET,
} from '#libs/testing';
import { startGateway } from '../../apps/gateway/src/gateway.app.js';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config.js';
import { createAgency } from '../support/agency-factory.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';

let stack: ConveneStack;
const extraGateways: INestApplication[] = [];

const NORMAL_QUERY = '{ agencies(first: 5) { totalCount edges { node { acronym } } } }';
const UUID_OR_OFFERED = /^[\w-]{8,64}$/;

beforeAll(async () => {
  stack = await startConveneStack();
  await createAgency(stack.graphql, { acronym: 'HARD' });
});

afterAll(async () => {
  for (const gateway of extraGateways) await gateway.close();
  await stack?.stop();
});

/** One more gateway on the stack's NATS, with its own settings; closed after the file. */
async function gatewayWith(env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const config = loadConfig(GatewayConfig, {
    NATS_URL: stack.nats.url,
    LOG_LEVEL: 'error',
    PORT: String(port),
    CALLER_SIGNING_SECRET: TEST_CALLER_SIGNING_SECRET,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    AUTH_ISSUER: TEST_JWT_ISSUER,
    ...env,
  });
  extraGateways.push(await startGateway(config));
  return `http://127.0.0.1:${port}`;
}

interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

async function send(
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
  base = stack.gatewayUrl,
): Promise<RawResponse> {
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? 'POST',
    headers: init.headers ?? { 'content-type': 'application/json' },
    body: init.body,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const postQuery = (query: string, base?: string) =>
  send('/graphql', { body: JSON.stringify({ query }) }, base);

const natsRequests = (base = stack.gatewayUrl) =>
  readCounter(`${base}/metrics`, 'convene_nats_requests_total');

/** A normal query right after, answered as usual. */
async function expectNormalQueryAnswered(base = stack.gatewayUrl): Promise<void> {
  const data = await new GraphQLTestClient(`${base}/graphql`).data<{
    agencies: { totalCount: number };
  }>(NORMAL_QUERY);
  expect(data.agencies.totalCount).toBeGreaterThan(0);
}

interface RefusedError {
  message: string;
  extensions: Record<string, unknown> & { code: string; correlationId: string };
}

/**
 * Sends an abusive request and checks it was refused with `status` and `code` before anything
 * ran (no NATS request, no data), with a correlation id and nothing internal in the body; then
 * that the gateway still answers a normal query.
 */
async function expectRefused(
  request: () => Promise<RawResponse>,
  status: number,
  code: string,
  base = stack.gatewayUrl,
): Promise<RefusedError> {
  const before = await natsRequests(base);
  const response = await request();
  expect(await natsRequests(base)).toBe(before);
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = JSON.parse(response.text) as { data?: unknown; errors: RefusedError[] };
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  const [error] = body.errors;
  expect(error?.extensions.code).toBe(code);
  expect(error?.extensions.correlationId).toMatch(UUID_OR_OFFERED);
  expect(response.headers.get('x-request-id')).toBe(error?.extensions.correlationId);
  expect(response.text).not.toMatch(/\n\s+at |stacktrace|node_modules|SELECT |<html/i);
  await expectNormalQueryAnswered(base);
  return error as RefusedError;
}

describe('the gateway refuses abusive requests before executing them, and keeps answering', () => {
  it('10,000 aliases: TOO_MANY_ALIASES, naming the count and the limit', async () => {
    const aliases = Array.from({ length: 10_000 }, (_, index) => `a${index}: __typename`);
    const started = performance.now();
    const error = await expectRefused(
      () => postQuery(`{ ${aliases.join(' ')} }`),
      400,
      'TOO_MANY_ALIASES',
    );
    expect(error.message).toBe('The query has 10000 aliases; the limit is 30');
    expect(error.extensions).toMatchObject({ aliases: 10_000, limit: 30 });
    // refused by the limit rules before graphql-js's own validation, which alone takes seconds on it
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('depth 50: QUERY_TOO_DEEP', async () => {
    const fields = Array.from({ length: 49 }, (_, index) =>
      index === 0 ? 'agency(acronym: "HARD")' : index % 2 === 1 ? 'people' : 'agency',
    );
    const query = `{ ${fields.map((field) => `${field} {`).join(' ')} name ${'}'.repeat(49)} }`;
    const error = await expectRefused(() => postQuery(query), 400, 'QUERY_TOO_DEEP');
    expect(error.message).toBe('The query is 50 levels deep; the limit is 20');
  });

  it('depth 5,000, too deep to parse: QUERY_TOO_DEEP', async () => {
    const query = `{ ${'agency(acronym: "HARD") { '.repeat(5000)} name ${'}'.repeat(5000)} }`;
    const error = await expectRefused(() => postQuery(query), 400, 'QUERY_TOO_DEEP');
    expect(error.message).toBe('The query is nested too deeply to be read');
  });

  it('a cost bomb of nested lists: QUERY_TOO_COSTLY', async () => {
    const bomb = `{ agencies(first: 100) { edges { node { people { agency { people {
      agency { people { agency { people { name } } } } } } } } } } }`;
    const error = await expectRefused(() => postQuery(bomb), 400, 'QUERY_TOO_COSTLY');
    expect(error.message).toMatch(/^The query's estimated cost is \d+; the limit is 50000$/);
    expect(Number(error.extensions.cost)).toBeGreaterThan(50_000);
  });

  it('a batch of 1,000 operations: BATCHING_NOT_SUPPORTED, none of them run', async () => {
    const batch = JSON.stringify(Array.from({ length: 1000 }, () => ({ query: NORMAL_QUERY })));
    const error = await expectRefused(
      () => send('/graphql', { body: batch }),
      400,
      'BATCHING_NOT_SUPPORTED',
    );
    expect(error.extensions.operations).toBe(1000);
  });

  it('a 5 MB body: 413 PAYLOAD_TOO_LARGE', async () => {
    const body = JSON.stringify({
      query: NORMAL_QUERY,
      variables: { pad: 'x'.repeat(5 * 2 ** 20) },
    });
    const error = await expectRefused(() => send('/graphql', { body }), 413, 'PAYLOAD_TOO_LARGE');
    expect(error.message).toBe('The request body is larger than the limit of 1048576 bytes');
  });

  it('malformed JSON: MALFORMED_JSON', async () => {
    const error = await expectRefused(
      () => send('/graphql', { body: '{"query": "{ agencies { totalCount } }"' }),
      400,
      'MALFORMED_JSON',
    );
    expect(error.message).toBe('The request body is not valid JSON');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'a %s POST, which a browser sends cross-site without a preflight: UNSUPPORTED_MEDIA_TYPE',
    async (contentType) => {
      await expectRefused(
        () =>
          send('/graphql', {
            body: JSON.stringify({ query: NORMAL_QUERY }),
            headers: { 'content-type': contentType },
          }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    },
  );

  it('a GET without a preflight header (CSRF prevention): BAD_REQUEST', async () => {
    const error = await expectRefused(
      () =>
        send(`/graphql?query=${encodeURIComponent(NORMAL_QUERY)}`, { method: 'GET', headers: {} }),
      400,
      'BAD_REQUEST',
    );
    expect(error.message).toMatch(/cross-site request \(CSRF\)/);
  });

  it('a JSON POST without a query: BAD_REQUEST', async () => {
    const error = await expectRefused(
      () => send('/graphql', { body: JSON.stringify({ variables: {} }) }),
      400,
      'BAD_REQUEST',
    );
    expect(error.message).toMatch(/non-empty "query"/);
  });

  it('a mutation over GET, even with a preflight header: 405', async () => {
    const mutation =
      'mutation { archiveAgency(id: "00000000-0000-4000-8000-000000000000") { id } }';
    const error = await expectRefused(
      () =>
        send(`/graphql?query=${encodeURIComponent(mutation)}`, {
          method: 'GET',
          headers: { 'apollo-require-preflight': 'true' },
        }),
      405,
      'BAD_REQUEST',
    );
    expect(error.message).toMatch(/GET requests only support query operations/);
  });

  it('leaves a page over the maximum to the page rule: BAD_USER_INPUT naming first', async () => {
    const response = await stack.graphql.request('{ agencies(first: 1000) { totalCount } }');
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'first', rule: 'max' })],
    });
  });

  it('keeps the correlation id the client offers', async () => {
    const response = await send('/graphql', {
      body: '{ not json',
      headers: { 'content-type': 'application/json', 'x-request-id': 'client-chosen-id-1' },
    });
    expect(JSON.parse(response.text).errors[0].extensions.correlationId).toBe('client-chosen-id-1');
  });
});

describe('rate limiting per caller', () => {
  it('answers 429 with Retry-After once the burst is spent, and recovers', async () => {
    const base = await gatewayWith({ RATE_LIMIT_BURST: '5', RATE_LIMIT_PER_SECOND: '1' });
    for (let request = 0; request < 5; request += 1) {
      expect((await postQuery(NORMAL_QUERY, base)).status).toBe(200);
    }
    const before = await natsRequests(base);
    const refused = await postQuery(NORMAL_QUERY, base);
    expect(await natsRequests(base)).toBe(before);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    const [error] = JSON.parse(refused.text).errors as RefusedError[];
    expect(error?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    expect(error?.extensions.correlationId).toBe(refused.headers.get('x-request-id'));
    expect(error?.message).toMatch(
      /^Too many requests: the limit is 1 per second after a burst of 5/,
    );

    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await postQuery(NORMAL_QUERY, base)).status).toBe(200);
  });
});

describe('introspection and suggestions', () => {
  const INTROSPECTION = '{ __schema { queryType { name } } }';
  const TYPO = '{ agencie { totalCount } }';

  it('are on in development', async () => {
    const introspection = await postQuery(INTROSPECTION);
    expect(JSON.parse(introspection.text).data.__schema.queryType.name).toBe('Query');
    const typo = await postQuery(TYPO);
    expect(JSON.parse(typo.text).errors[0].message).toMatch(/Did you mean "agencies"/);
  });

  it('are off with NODE_ENV=production', async () => {
    const base = await gatewayWith({ NODE_ENV: 'production' });
    const introspection = await postQuery(INTROSPECTION, base);
    expect(introspection.status).toBe(400);
    const [error] = JSON.parse(introspection.text).errors as RefusedError[];
    expect(error?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error?.message).toMatch(/introspection is not allowed/);
    const typo = await postQuery(TYPO, base);
    const [typoError] = JSON.parse(typo.text).errors as RefusedError[];
    expect(typoError?.message).toBe('Cannot query field "agencie" on type "Query".');
    await expectNormalQueryAnswered(base);
  });
});

describe('request timeout', () => {
  it('answers REQUEST_TIMEOUT when a service hangs, and the gateway goes on answering', async () => {
    const base = await gatewayWith({ REQUEST_TIMEOUT_MS: '300', RPC_TIMEOUT_MS: '5000' });
    // A service that takes requests and never answers: the agencies service replaced by a mute one.
    await stack.stopService('agencies');
    const nats = await connect({ servers: stack.nats.url });
    const mute = nats.subscribe(AgencyRpc.list);
    try {
      const started = performance.now();
      const response = await postQuery(NORMAL_QUERY, base);
      const elapsed = performance.now() - started;
      expect(response.status).toBe(503);
      const [error] = JSON.parse(response.text).errors as RefusedError[];
      expect(error?.extensions).toMatchObject({ code: 'REQUEST_TIMEOUT', limit: 300 });
      expect(error?.message).toBe('The request ran longer than the limit of 300 ms');
      expect(error?.extensions.correlationId).toBe(response.headers.get('x-request-id'));
      expect(elapsed).toBeGreaterThanOrEqual(290);
      expect(elapsed).toBeLessThan(2000);
    } finally {
      mute.unsubscribe();
      await nats.close();
      await stack.startService('agencies');
    }
    await expectNormalQueryAnswered(base);
  });
});
