import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
} from 'jose';
import { ErrorCode } from '#libs/contracts';
import { RpcError, ROLES, type Caller, type Role } from '#libs/messaging';

/** Where tokens come from: an HS256 secret (local use), a JWKS URL (any OIDC provider), or both. */
export interface TokenVerifierOptions {
  /** HS256 shared secret. */
  hs256Secret?: string;
  /** RS256 keys of the identity provider. */
  jwksUrl?: string;
  issuer: string;
  audience: string;
  /**
   * Prefix of Convene's custom claims (`roles`, `workStreamIds`, `agencyId`, `eventTypes`);
   * OIDC providers often require a URL namespace such as `https://convene.example/`.
   */
  claimsNamespace?: string;
}

/** Convene's custom claims, unprefixed. */
export const CLAIMS = {
  roles: 'roles',
  workStreamIds: 'workStreamIds',
  agencyId: 'agencyId',
  eventTypes: 'eventTypes',
} as const;

const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Verifies bearer JWTs and turns their claims into a Caller. Algorithms are pinned per key
 * (HS256 for the secret, RS256 for the JWKS), so `alg: none` and algorithm confusion fail;
 * issuer, audience and expiry are checked. Every refusal is UNAUTHENTICATED with a message
 * that says what to do, never why the signature failed.
 */
export class TokenVerifier {
  private readonly secret: Uint8Array | undefined;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(private readonly options: TokenVerifierOptions) {
    if (!options.hs256Secret && !options.jwksUrl) {
      throw new Error('a token verifier needs an HS256 secret or a JWKS URL');
    }
    this.secret = options.hs256Secret ? new TextEncoder().encode(options.hs256Secret) : undefined;
    this.jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : undefined;
  }

  async verify(token: string): Promise<Caller> {
    const payload = await this.verified(token);
    return callerOf(payload, this.options.claimsNamespace ?? '');
  }

  private async verified(token: string): Promise<JWTPayload> {
    const common = {
      issuer: this.options.issuer,
      audience: this.options.audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['sub', 'exp'],
    };
    const alg = algorithmOf(token);
    try {
      if (alg === 'HS256' && this.secret) {
        return (await jwtVerify(token, this.secret, { ...common, algorithms: ['HS256'] })).payload;
      }
      if (alg === 'RS256' && this.jwks) {
        return (await jwtVerify(token, this.jwks, { ...common, algorithms: ['RS256'] })).payload;
      }
    } catch (error) {
      throw refusal(error);
    }
    throw invalidToken();
  }
}

/** The header's `alg`; a token without a readable header is invalid. */
function algorithmOf(token: string): unknown {
  try {
    return decodeProtectedHeader(token).alg;
  } catch {
    throw invalidToken();
  }
}

function invalidToken(): RpcError {
  return new RpcError(ErrorCode.Unauthenticated, 'The token is not valid');
}

function refusal(error: unknown): RpcError {
  if (error instanceof joseErrors.JWTExpired) {
    return new RpcError(ErrorCode.Unauthenticated, 'The token has expired; get a new one');
  }
  if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError)) {
    // The identity provider's keys could not be fetched: not the caller's fault.
    return RpcError.unavailable('Tokens cannot be verified right now');
  }
  return invalidToken();
}

function callerOf(payload: JWTPayload, namespace: string): Caller {
  const claim = (name: string): unknown => payload[`${namespace}${name}`];
  const roles = stringList(claim(CLAIMS.roles)).filter((role): role is Role =>
    ROLES.includes(role as Role),
  );
  const isIntegration = roles.includes('integration');
  const workStreamIds = stringList(claim(CLAIMS.workStreamIds));
  const agencyId = claim(CLAIMS.agencyId);
  const eventTypes = stringList(claim(CLAIMS.eventTypes));
  return {
    kind: isIntegration ? 'integration' : 'user',
    id: String(payload.sub),
    // An integration is read-only whatever else the token claims.
    roles: isIntegration ? ['integration'] : roles,
    ...(workStreamIds.length > 0 && !isIntegration && { workStreamIds }),
    ...(typeof agencyId === 'string' && !isIntegration && { agencyId }),
    ...(isIntegration && { eventTypes }),
  };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}
