import { createHash } from 'node:crypto';
import { isApiKey, TokenVerifier } from '#libs/auth';
import { ErrorCode, IdentityRpc } from '#libs/contracts';
import {
  ANONYMOUS_CALLER,
  RpcError,
  type CallContext,
  type Caller,
  type RpcClient,
} from '#libs/messaging';
import type { GatewayConfig } from '../gateway.config.js';

const MAX_CACHED_KEYS = 10_000;

/**
 * Turns what a client presents into a Caller: nothing → anonymous; a JWT → a user (or an
 * integration) with the roles and scopes of its claims; an API key (`cvk_…`) → an integration,
 * verified by the identity service and remembered for API_KEY_CACHE_SECONDS, which is
 * therefore the longest a revoked key keeps working. HTTP requests and graphql-ws
 * connection_init payloads both go through `callerOf`.
 */
export class Authenticator {
  private readonly apiKeys = new Map<string, { caller: Caller | null; expires: number }>();

  private constructor(
    private readonly tokens: TokenVerifier,
    private readonly rpc: RpcClient,
    private readonly apiKeyCacheMs: number,
  ) {}

  static fromConfig(config: GatewayConfig, rpc: RpcClient): Authenticator {
    const tokens = new TokenVerifier({
      hs256Secret: config.AUTH_JWT_SECRET,
      jwksUrl: config.AUTH_JWKS_URL,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      claimsNamespace: config.AUTH_CLAIMS_NAMESPACE,
    });
    return new Authenticator(tokens, rpc, config.API_KEY_CACHE_SECONDS * 1000);
  }

  /**
   * The caller of an `Authorization` header value (`Bearer <token>`) or of a bare token.
   * Absent: anonymous. Present but not valid: an UNAUTHENTICATED RpcError, never anonymous,
   * so a client with a broken token learns it instead of seeing less data.
   */
  async callerOf(authorization: string | undefined, call: CallContext): Promise<Caller> {
    const credential = credentialOf(authorization);
    if (credential === undefined) return ANONYMOUS_CALLER;
    if (isApiKey(credential)) return this.integrationOf(credential, call);
    return this.tokens.verify(credential);
  }

  private async integrationOf(key: string, call: CallContext): Promise<Caller> {
    const cacheKey = createHash('sha256').update(key).digest('base64url');
    const now = Date.now();
    let cached = this.apiKeys.get(cacheKey);
    if (!cached || cached.expires <= now) {
      const verified = await this.rpc.request(IdentityRpc.verifyApiKey, { key }, call);
      const caller: Caller | null = verified && {
        kind: 'integration',
        id: `apikey:${verified.id}`,
        roles: ['integration'],
        eventTypes: verified.eventTypes,
      };
      if (this.apiKeys.size >= MAX_CACHED_KEYS) this.apiKeys.clear();
      cached = { caller, expires: now + this.apiKeyCacheMs };
      if (this.apiKeyCacheMs > 0) this.apiKeys.set(cacheKey, cached);
    }
    if (!cached.caller) {
      throw new RpcError(ErrorCode.Unauthenticated, 'The API key is not valid or was revoked');
    }
    return cached.caller;
  }
}

function credentialOf(authorization: string | undefined): string | undefined {
  const value = authorization?.trim();
  if (!value) return undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(value);
  if (bearer) return bearer[1];
  if (/\s/.test(value)) {
    throw new RpcError(
      ErrorCode.Unauthenticated,
      'Send the token as `Authorization: Bearer <token>`',
    );
  }
  return value;
}
