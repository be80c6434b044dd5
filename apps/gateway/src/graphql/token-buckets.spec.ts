import { describe, expect, it } from '@jest/globals';
import { TokenBuckets } from './token-buckets.js';

describe('TokenBuckets', () => {
  it('allows a burst, then refuses with the seconds until the next token', () => {
    const buckets = new TokenBuckets({ burst: 3, perSecond: 0.5, maxBuckets: 10 });
    for (let request = 0; request < 3; request += 1)
      expect(buckets.take('ip:1', 0)).toEqual({ allowed: true });
    expect(buckets.take('ip:1', 0)).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it('refills at its rate, up to the burst', () => {
    const buckets = new TokenBuckets({ burst: 2, perSecond: 1, maxBuckets: 10 });
    buckets.take('k', 0);
    buckets.take('k', 0);
    expect(buckets.take('k', 500).allowed).toBe(false);
    expect(buckets.take('k', 1500).allowed).toBe(true);
    // an hour idle refills to the burst, not beyond
    expect([1, 2, 3].map(() => buckets.take('k', 3_600_000).allowed)).toEqual([true, true, false]);
  });

  it('keeps callers apart', () => {
    const buckets = new TokenBuckets({ burst: 1, perSecond: 1, maxBuckets: 10 });
    expect(buckets.take('user:a', 0).allowed).toBe(true);
    expect(buckets.take('user:a', 0).allowed).toBe(false);
    expect(buckets.take('user:b', 0).allowed).toBe(true);
  });

  it('stays within its bound, forgetting the least recently seen caller', () => {
    const buckets = new TokenBuckets({ burst: 1, perSecond: 1, maxBuckets: 3 });
    buckets.take('a', 0);
    buckets.take('b', 0);
    buckets.take('c', 0);
    buckets.take('a', 0); // a is now the most recently seen, b the least
    buckets.take('d', 0);
    expect(buckets.size).toBe(3);
    expect(buckets.take('a', 0).allowed).toBe(false); // remembered: still empty
    expect(buckets.take('b', 0).allowed).toBe(true); // forgotten: a full bucket again
  });
});
