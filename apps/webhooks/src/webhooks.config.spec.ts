import { describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { ConfigError, loadConfig } from '#libs/config';
import { WebhooksConfig } from './webhooks.config.js';

/** The secrets every app requires, so that each case is about its own setting. */
const SECRETS = { CALLER_SIGNING_SECRET: 'spec-caller-signing-secret-0123456789abcdef' };

describe('WebhooksConfig', () => {
  it('defaults to refusing private URLs and to the Standard Webhooks schedule', () => {
    const config = loadConfig(WebhooksConfig, SECRETS);
    expect(config.WEBHOOK_ALLOW_PRIVATE_URLS).toBe(false);
    expect(config.WEBHOOK_RETRY_SCHEDULE).toBe('5s,5m,30m,2h,5h,10h,10h');
    expect(config.WEBHOOK_TIMEOUT_MS).toBe(15_000);
  });

  it('reads true and false as booleans', () => {
    expect(
      loadConfig(WebhooksConfig, { ...SECRETS, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' })
        .WEBHOOK_ALLOW_PRIVATE_URLS,
    ).toBe(true);
    expect(
      loadConfig(WebhooksConfig, { ...SECRETS, WEBHOOK_ALLOW_PRIVATE_URLS: 'false' })
        .WEBHOOK_ALLOW_PRIVATE_URLS,
    ).toBe(false);
  });

  it('names each wrong variable and its rule', () => {
    let thrown: unknown;
    try {
      loadConfig(WebhooksConfig, {
        ...SECRETS,
        WEBHOOK_ALLOW_PRIVATE_URLS: 'yes',
        WEBHOOK_RETRY_SCHEDULE: '5 seconds',
        WEBHOOK_TIMEOUT_MS: '10',
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const problems = (thrown as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^WEBHOOK_ALLOW_PRIVATE_URLS: .*true or false/m);
    expect(problems).toMatch(/^WEBHOOK_RETRY_SCHEDULE: .*comma-separated list of durations/m);
    expect(problems).toMatch(/^WEBHOOK_TIMEOUT_MS: /m);
  });
});
