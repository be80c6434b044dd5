import type { GatewayContext } from './gateway-context.js';
import { GatewayError, GatewayErrorCode } from './gateway-errors.js';
import { TokenBuckets, type TokenBucketOptions } from './token-buckets.js';

/**
 * Whose bucket a request takes from: the caller the context identified (`user:…`,
 * `integration:…`), or, for an anonymous caller, its client IP. The only place that decides it,
 * so it keeps working whichever way the context comes to know the caller.
 */
export function rateLimitKey(context: GatewayContext): string {
  const { caller } = context.call;
  return caller.kind === 'anonymous' ? `ip:${context.clientIp}` : `${caller.kind}:${caller.id}`;
}

/**
 * Refuses a request once its caller has used up its bucket: HTTP 429 with Retry-After and a
 * RATE_LIMITED error, before the operation is even parsed. Called from the context function,
 * once the caller is known.
 */
export class RateLimiter {
  private readonly buckets: TokenBuckets;

  constructor(private readonly options: TokenBucketOptions) {
    this.buckets = new TokenBuckets(options);
  }

  admit(context: GatewayContext): void {
    const admission = this.buckets.take(rateLimitKey(context));
    if (admission.allowed) return;
    const { perSecond, burst } = this.options;
    throw new GatewayError(
      GatewayErrorCode.RateLimited,
      `Too many requests: the limit is ${perSecond} per second after a burst of ${burst}; retry in ${admission.retryAfterSeconds} s`,
      { retryAfterSeconds: admission.retryAfterSeconds },
      { headers: new Map([['retry-after', String(admission.retryAfterSeconds)]]) },
    );
  }
}
