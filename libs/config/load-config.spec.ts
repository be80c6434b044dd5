import { describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { ServiceConfig } from './common.config.js';
import { ConfigError, loadConfig } from './load-config.js';

const SECRET = 'a-caller-signing-secret-of-32-chars-or-more';

describe('loadConfig', () => {
  it('falls back to the localhost defaults', () => {
    const config = loadConfig(ServiceConfig, { CALLER_SIGNING_SECRET: SECRET });
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/convene');
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.RPC_TIMEOUT_MS).toBe(3000);
  });

  it('converts numbers from their text', () => {
    expect(
      loadConfig(ServiceConfig, { RPC_TIMEOUT_MS: '1500', CALLER_SIGNING_SECRET: SECRET })
        .RPC_TIMEOUT_MS,
    ).toBe(1500);
  });

  it('names every wrong variable and its rule', () => {
    let thrown: unknown;
    try {
      loadConfig(ServiceConfig, {
        NATS_URL: 'localhost:4222',
        RPC_TIMEOUT_MS: 'soon',
        LOG_LEVEL: 'loud',
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const problems = (thrown as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^NATS_URL: NATS_URL must be a nats:\/\/ URL/m);
    expect(problems).toMatch(/^RPC_TIMEOUT_MS: .*integer/m);
    expect(problems).toMatch(/^LOG_LEVEL: /m);
    expect(problems).toMatch(/^CALLER_SIGNING_SECRET: .*CALLER_SIGNING_SECRET must be set/m);
  });

  it('names a too short secret without showing it', () => {
    expect(() => loadConfig(ServiceConfig, { CALLER_SIGNING_SECRET: 'short-value' })).toThrow(
      /CALLER_SIGNING_SECRET must have at least 32 characters/,
    );
    expect(() => loadConfig(ServiceConfig, { CALLER_SIGNING_SECRET: 'short-value' })).not.toThrow(
      /short-value/,
    );
  });

  it('keeps secrets out of what a log of the config shows', () => {
    const config = loadConfig(ServiceConfig, {
      CALLER_SIGNING_SECRET: SECRET,
      NATS_URL: 'nats://svc:hunter2@nats:4222',
    });
    expect(config.CALLER_SIGNING_SECRET).toBe(SECRET);
    expect(config.NATS_URL).toBe('nats://svc:hunter2@nats:4222');
    expect(JSON.stringify(config)).not.toMatch(/hunter2|a-caller-signing-secret/);
  });
});
