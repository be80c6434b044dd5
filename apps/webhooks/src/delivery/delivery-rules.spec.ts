import { describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { isNonPublicAddress, nonPublicHostReason } from './address-policy.js';
import { nextAttemptDelay, parseRetrySchedule } from './retry-schedule.js';
import { generateWebhookSecret, signedHeaders } from './signature.js';

describe('signing', () => {
  it('produces headers the reference standardwebhooks library verifies', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    const body = JSON.stringify({ id: 'e-1', type: 'convene.agencies.agency.created' });
    const headers = signedHeaders(secret, 'e-1', body, Math.floor(Date.now() / 1000));
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });
});

describe('the retry schedule', () => {
  it('reads durations with units', () => {
    expect(parseRetrySchedule('5s,5m,30m,2h,5h,10h')).toEqual([
      5000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000,
    ]);
    expect(parseRetrySchedule('150ms, 1s')).toEqual([150, 1000]);
    expect(parseRetrySchedule('5 seconds')).toBeUndefined();
    expect(parseRetrySchedule('')).toBeUndefined();
  });

  it('waits the scheduled delay give or take 20 %, and ends when the schedule is used up', () => {
    expect(nextAttemptDelay([1000, 2000], 1, () => 0)).toBe(800);
    expect(nextAttemptDelay([1000, 2000], 2, () => 1)).toBe(2400);
    expect(nextAttemptDelay([1000, 2000], 3)).toBeNull();
  });
});

describe('public addresses', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::10.0.0.1',
    'not-an-ip',
  ])('%s is not public', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(isNonPublicAddress(address)).toBe(false);
    },
  );

  it('refuses localhost and literal private hosts at registration, leaves names to delivery', () => {
    expect(nonPublicHostReason('http://localhost:3000/x')).toMatch(/this host/);
    expect(nonPublicHostReason('http://LOCALHOST./x')).toMatch(/this host/);
    expect(nonPublicHostReason('http://[::1]:80/x')).toMatch(/not a public address/);
    expect(nonPublicHostReason('https://hooks.example.org/x')).toBeUndefined();
    expect(nonPublicHostReason('https://8.8.8.8/x')).toBeUndefined();
  });
});
