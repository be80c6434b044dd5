export interface TokenBucketOptions {
  /** Tokens a full bucket holds: the burst a caller may send at once. */
  burst: number;
  /** Tokens regained per second. */
  perSecond: number;
  /** Buckets kept at once; the least recently used is dropped first. */
  maxBuckets: number;
}

export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * One token bucket per key, in a bounded map: a Map keeps insertion order, so moving a key to
 * the end on every use makes the first key the least recently used, dropped in O(1) when full.
 * A dropped bucket starts full again, which only a caller idle long enough to be dropped can
 * gain from; a burst of new keys costs the attacker a key each.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly options: TokenBucketOptions) {}

  get size(): number {
    return this.buckets.size;
  }

  take(key: string, now: number = Date.now()): Admission {
    const { burst, perSecond } = this.options;
    const bucket = this.buckets.get(key) ?? { tokens: burst, updatedAt: now };
    this.buckets.delete(key);
    const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(burst, bucket.tokens + elapsedSeconds * perSecond);
    bucket.updatedAt = now;
    this.remember(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / perSecond) };
  }

  private remember(key: string, bucket: Bucket): void {
    if (this.buckets.size >= this.options.maxBuckets) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    this.buckets.set(key, bucket);
  }
}
