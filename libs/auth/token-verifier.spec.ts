import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from '#libs/contracts';
import { RpcError, type Caller } from '#libs/messaging';
import { mintDevToken } from './dev-token.js';
import { TokenVerifier } from './token-verifier.js';

const SECRET = 'hs256-secret-for-the-token-verifier-tests-0000';
const ISSUER = 'https://idp.example.org/';
const AUDIENCE = 'convene';

let jwksServer: Server;
let jwksUrl: string;
let signingKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwksServer = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
});

afterAll(async () => {
  await new Promise((resolve) => jwksServer?.close(resolve));
});

const hs256 = () => new TokenVerifier({ hs256Secret: SECRET, issuer: ISSUER, audience: AUDIENCE });

function token(overrides: Partial<Parameters<typeof mintDevToken>[0]> = {}): Promise<string> {
  return mintDevToken({
    secret: SECRET,
    issuer: ISSUER,
    audience: AUDIENCE,
    subject: 'alice',
    roles: ['convener'],
    workStreamIds: ['ws-6'],
    ...overrides,
  });
}

async function refusalOf(verifier: TokenVerifier, jwt: string): Promise<RpcError> {
  try {
    await verifier.verify(jwt);
  } catch (error) {
    if (error instanceof RpcError) return error;
    throw error;
  }
  throw new Error('the token was accepted');
}

function unsigned(payload: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

describe('bearer token verification', () => {
  it('turns a valid HS256 token into a caller with its roles and scopes', async () => {
    const caller: Caller = await hs256().verify(await token());
    expect(caller).toEqual({
      kind: 'user',
      id: 'alice',
      roles: ['convener'],
      workStreamIds: ['ws-6'],
    });
  });

  it('makes an integration read-only whatever else it claims', async () => {
    const caller = await hs256().verify(
      await token({
        roles: ['integration', 'admin'],
        eventTypes: ['convene.events.training.scheduled'],
      }),
    );
    expect(caller).toEqual({
      kind: 'integration',
      id: 'alice',
      roles: ['integration'],
      eventTypes: ['convene.events.training.scheduled'],
    });
  });

  it('reads namespaced claims as OIDC providers issue them', async () => {
    const namespace = 'https://convene.example/';
    const jwt = await new SignJWT({
      [`${namespace}roles`]: ['officer'],
      [`${namespace}agencyId`]: 'unido',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('bob')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    const verifier = new TokenVerifier({
      hs256Secret: SECRET,
      issuer: ISSUER,
      audience: AUDIENCE,
      claimsNamespace: namespace,
    });
    expect(await verifier.verify(jwt)).toEqual({
      kind: 'user',
      id: 'bob',
      roles: ['officer'],
      agencyId: 'unido',
    });
  });

  it.each([
    ['expired', () => token({ expiresIn: '-5m' }), 'The token has expired; get a new one'],
    [
      'signed with another secret',
      () => token({ secret: 'another-secret-another-secret-another-000' }),
      'The token is not valid',
    ],
    ['for another audience', () => token({ audience: 'someone-else' }), 'The token is not valid'],
    [
      'from another issuer',
      () => token({ issuer: 'https://evil.example/' }),
      'The token is not valid',
    ],
    [
      'unsigned (alg: none)',
      async () => unsigned({ sub: 'x', roles: ['admin'], iss: ISSUER, aud: AUDIENCE, exp: 9e9 }),
      'The token is not valid',
    ],
    ['not a JWT at all', async () => 'not-a-token', 'The token is not valid'],
  ])('refuses a token %s: UNAUTHENTICATED, and says no more', async (_case, make, message) => {
    const refusal = await refusalOf(hs256(), await make());
    expect(refusal.code).toBe(ErrorCode.Unauthenticated);
    expect(refusal.message).toBe(message);
    expect(refusal.details).toEqual({});
  });

  it('verifies RS256 tokens against the JWKS of an identity provider', async () => {
    const verifier = new TokenVerifier({ jwksUrl, issuer: ISSUER, audience: AUDIENCE });
    const jwt = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('carol')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(signingKey);
    expect(await verifier.verify(jwt)).toEqual({ kind: 'user', id: 'carol', roles: ['admin'] });
    // An HS256 token is not accepted by a verifier that only knows the JWKS.
    expect((await refusalOf(verifier, await token())).code).toBe(ErrorCode.Unauthenticated);
  });
});
