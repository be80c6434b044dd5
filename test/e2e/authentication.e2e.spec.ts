import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, headers } from '@nats-io/transport-node';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { AgencyRpc, ErrorCode } from '#libs/contracts';
import {
  CALLER_HEADER,
  CORRELATION_ID_HEADER,
  encodeCaller,
  newCallContext,
  RpcClient,
  RpcError,
  SYSTEM_CALLER,
} from '#libs/messaging';
import {
  TEST_CALLER_SIGNING_SECRET,
  TEST_JWT_AUDIENCE,
  TEST_JWT_ISSUER,
  TEST_JWT_SECRET,
  testToken,
} from '#libs/testing';
import { agencyInput } from '../support/agency-factory.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';

let stack: ConveneStack;

beforeAll(async () => {
  stack = await startConveneStack();
});

afterAll(async () => {
  await stack?.stop();
});

const CREATE_AGENCY = `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id } }`;

function unsigned(payload: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

describe('bearer tokens at the gateway', () => {
  it('lets a valid admin token write, and anonymous callers only read', async () => {
    const admin = stack.anonymous.as(await testToken({ roles: ['admin'] }));
    expect((await admin.request(CREATE_AGENCY, { input: agencyInput() })).errors).toBeUndefined();
    const anonymous = await stack.anonymous.request(CREATE_AGENCY, { input: agencyInput() });
    expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await stack.anonymous.request('{ agencies { totalCount } }')).errors).toBeUndefined();
  });

  it.each([
    [
      'expired',
      () => testToken({ roles: ['admin'], expiresIn: '-10m' }),
      'The token has expired; get a new one',
    ],
    [
      'signed with another secret',
      () => testToken({ roles: ['admin'], secret: 'not-the-secret-of-this-gateway-0000000' }),
      'The token is not valid',
    ],
    [
      'for another audience',
      () => testToken({ roles: ['admin'], audience: 'another-api' }),
      'The token is not valid',
    ],
    [
      'with alg: none',
      async () =>
        unsigned({
          sub: 'mallory',
          roles: ['admin'],
          iss: TEST_JWT_ISSUER,
          aud: TEST_JWT_AUDIENCE,
          exp: Math.floor(Date.now() / 1000) + 600,
        }),
      'The token is not valid',
    ],
    [
      'signed with an algorithm that is not accepted (HS512)',
      () =>
        new SignJWT({ roles: ['admin'] })
          .setProtectedHeader({ alg: 'HS512' })
          .setSubject('mallory')
          .setIssuer(TEST_JWT_ISSUER)
          .setAudience(TEST_JWT_AUDIENCE)
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(TEST_JWT_SECRET)),
      'The token is not valid',
    ],
    [
      'that is an unknown API key',
      async () => `cvk_${'0'.repeat(32)}_${'A'.repeat(43)}`,
      'The API key is not valid or was revoked',
    ],
  ])(
    'refuses a token %s: 401 UNAUTHENTICATED, a clear message, no detail',
    async (_case, make, message) => {
      const response = await stack.anonymous
        .as(await make())
        .request('{ agencies { totalCount } }');
      expect(response.status).toBe(401);
      expect(response.data ?? null).toBeNull();
      expect(response.errors).toEqual([
        { message, extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) },
      ]);
      expect(response.text).not.toMatch(/stack|jose|JWS|signature|at .*\.js/i);
    },
  );

  it('asks for the Bearer scheme when the Authorization header is malformed', async () => {
    const response = await fetch(stack.anonymous.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwYXNz' },
      body: JSON.stringify({ query: '{ agencies { totalCount } }' }),
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('Send the token as `Authorization: Bearer <token>`');
  });
});

describe('API keys of integrations', () => {
  it('is shown once, reads public data, cannot write, and stops working when revoked', async () => {
    const created = await stack.graphql.data<{
      createApiKey: { key: string; apiKey: { id: string; eventTypes: string[] } };
    }>(
      `mutation($input: CreateApiKeyInput!) {
        createApiKey(input: $input) { key apiKey { id eventTypes } }
      }`,
      { input: { name: 'UN calendar', eventTypes: ['convene.events.training.scheduled'] } },
    );
    const { key, apiKey } = created.createApiKey;
    expect(key).toMatch(/^cvk_[0-9a-f]{32}_[\w-]{43}$/);
    const stored = await stack.database.query<{ secret_hash: string }>(
      'SELECT secret_hash FROM identity.api_key WHERE id = $1',
      [apiKey.id],
    );
    expect(stored[0]?.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    // The secret is base64url and may itself hold '_': it is what follows `cvk_<32 hex>_`.
    const secret = key.slice('cvk_'.length + 32 + 1);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(stored)).not.toContain(secret);
    const listed = await stack.graphql.request('{ apiKeys { id name } }');
    expect(listed.text).not.toContain(key);

    const integration = stack.anonymous.as(key);
    expect((await integration.request('{ agencies { totalCount } }')).errors).toBeUndefined();
    const write = await integration.request(CREATE_AGENCY, { input: agencyInput() });
    expect(write.errors?.[0]).toMatchObject({
      message: 'Forbidden: integrations are read-only',
      extensions: { code: 'FORBIDDEN' },
    });

    await stack.graphql.data(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, {
      id: apiKey.id,
    });
    const revoked = await integration.request('{ agencies { totalCount } }');
    expect(revoked.status).toBe(401);
    expect(revoked.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');

    const events = await stack.database.query<{ type: string; envelope: object }>(
      'SELECT type, envelope FROM identity.outbox WHERE aggregate_id = $1 ORDER BY position',
      [apiKey.id],
    );
    expect(events.map((event) => event.type)).toEqual([
      'convene.identity.apikey.created',
      'convene.identity.apikey.revoked',
    ]);
    expect(JSON.stringify(events)).not.toContain(secret);
  });
});

describe('a request that bypasses the gateway', () => {
  /** Asks the agencies service to create an agency; its error, and the acronym it was asked for. */
  async function sendRaw(
    callerHeader: string | undefined,
  ): Promise<{ error: unknown; acronym: string }> {
    const input = agencyInput();
    const connection = await connect({ servers: stack.nats.url });
    try {
      const requestHeaders = headers();
      if (callerHeader !== undefined) requestHeaders.set(CALLER_HEADER, callerHeader);
      requestHeaders.set(CORRELATION_ID_HEADER, randomUUID());
      const reply = await connection.request(
        AgencyRpc.create,
        JSON.stringify({ pattern: AgencyRpc.create, data: input, id: randomUUID() }),
        { timeout: 3000, headers: requestHeaders },
      );
      return { error: reply.json<{ err?: unknown }>().err, acronym: String(input.acronym) };
    } finally {
      await connection.close();
    }
  }

  it.each([
    ['no caller header', undefined],
    ['an unsigned caller header claiming admin', encodeCaller(SYSTEM_CALLER)],
    ['a forged signature', `v1.${encodeCaller(SYSTEM_CALLER)}.9999999999.${'A'.repeat(43)}`],
  ])('is refused with %s', async (_case, header) => {
    const { error, acronym } = await sendRaw(header);
    expect(error).toMatchObject({ code: ErrorCode.Unauthenticated });
    const created = await stack.database.query('SELECT 1 FROM agencies.agency WHERE acronym = $1', [
      acronym,
    ]);
    expect(created).toHaveLength(0);
  });

  it('is refused when signed with another secret, and done when signed with the shared one', async () => {
    const connect = (callerSigningSecret: string) =>
      RpcClient.connect({
        url: stack.nats.url,
        name: 'bypass',
        timeoutMs: 3000,
        callerSigningSecret,
      });
    const forger = await connect('a-secret-that-is-not-the-shared-one-000000');
    const insider = await connect(TEST_CALLER_SIGNING_SECRET);
    try {
      const call = newCallContext(SYSTEM_CALLER);
      const refusal = await forger
        .request(AgencyRpc.create, agencyInput() as never, call)
        .catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(RpcError);
      expect((refusal as RpcError).code).toBe(ErrorCode.Unauthenticated);
      const created = await insider.request(AgencyRpc.create, agencyInput() as never, call);
      expect(created.id).toEqual(expect.any(String));
    } finally {
      await forger.close();
      await insider.close();
    }
  });
});
