import { createHmac, timingSafeEqual } from 'node:crypto';
import { ANONYMOUS_CALLER, decodeCaller, encodeCaller, type Caller } from './call-context.js';

/** How long a signed caller header is accepted: longer than any RPC timeout, short for replays. */
const SIGNATURE_TTL_SECONDS = 60;
const VERSION = 'v1';

/** What a signature is bound to besides the caller: a header cannot be moved to another request. */
export interface SignedRequest {
  subject: string;
  correlationId: string;
}

/**
 * The caller header is signed with an HMAC secret that only the gateway, the services and the
 * trusted internal tools (seed, tests) hold. A service believes a caller only when the
 * signature matches the subject, the correlation id and a fresh expiry; a request that
 * bypasses the gateway without the secret is anonymous.
 */
export class CallerSignature {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (secret.length < 32)
      throw new Error('the caller signing secret needs at least 32 characters');
    this.key = Buffer.from(secret, 'utf8');
  }

  sign(caller: Caller, request: SignedRequest, nowSeconds = epochSeconds()): string {
    const payload = encodeCaller(caller);
    const expires = String(nowSeconds + SIGNATURE_TTL_SECONDS);
    return [VERSION, payload, expires, this.mac(payload, expires, request)].join('.');
  }

  /** The signed caller, or anonymous when the header is missing, forged, moved or stale. */
  verify(header: string | undefined, request: SignedRequest, nowSeconds = epochSeconds()): Caller {
    const parts = header?.split('.') ?? [];
    if (parts.length !== 4) return ANONYMOUS_CALLER;
    const [version, payload, expires, signature] = parts as [string, string, string, string];
    if (version !== VERSION || !/^\d{1,12}$/.test(expires)) return ANONYMOUS_CALLER;
    if (Number(expires) < nowSeconds) return ANONYMOUS_CALLER;
    const expected = Buffer.from(this.mac(payload, expires, request), 'base64url');
    const offered = Buffer.from(signature, 'base64url');
    if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) {
      return ANONYMOUS_CALLER;
    }
    return decodeCaller(payload);
  }

  private mac(payload: string, expires: string, request: SignedRequest): string {
    return createHmac('sha256', this.key)
      .update([VERSION, request.subject, request.correlationId, expires, payload].join('\n'))
      .digest('base64url');
  }
}

function epochSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
