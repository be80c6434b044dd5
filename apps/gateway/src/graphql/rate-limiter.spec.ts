import { describe, expect, it } from '@jest/globals';
import { ANONYMOUS_CALLER, type Caller } from '#libs/messaging';
import type { GatewayContext } from './gateway-context.js';
import { GatewayError } from './gateway-errors.js';
import { rateLimitKey, RateLimiter } from './rate-limiter.js';

function contextOf(caller: Caller, clientIp = '203.0.113.7'): GatewayContext {
  return { call: { caller, correlationId: 'c-12345678' }, clientIp } as GatewayContext;
}

describe('rateLimitKey', () => {
  it('keys an anonymous caller by client IP', () => {
    expect(rateLimitKey(contextOf(ANONYMOUS_CALLER))).toBe('ip:203.0.113.7');
  });

  it('keys an identified caller by kind and id, wherever it calls from', () => {
    const user: Caller = { kind: 'user', id: 'u-1', roles: ['officer'] };
    expect(rateLimitKey(contextOf(user, '198.51.100.1'))).toBe('user:u-1');
    expect(rateLimitKey(contextOf(user, '198.51.100.2'))).toBe('user:u-1');
  });
});

describe('RateLimiter', () => {
  it('throws RATE_LIMITED with Retry-After once the burst is spent', () => {
    const limiter = new RateLimiter({ burst: 2, perSecond: 1, maxBuckets: 100 });
    const context = contextOf(ANONYMOUS_CALLER);
    limiter.admit(context);
    limiter.admit(context);
    let thrown: unknown;
    try {
      limiter.admit(context);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GatewayError);
    const refusal = thrown as GatewayError;
    expect(refusal.code).toBe('RATE_LIMITED');
    expect(refusal.details).toEqual({ retryAfterSeconds: 1 });
    expect(refusal.extensions.http).toMatchObject({ status: 429 });
    // another caller is not affected
    expect(() => limiter.admit(contextOf(ANONYMOUS_CALLER, '192.0.2.1'))).not.toThrow();
  });
});
