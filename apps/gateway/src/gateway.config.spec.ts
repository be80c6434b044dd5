import { describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { ConfigError, loadConfig } from '#libs/config';
import { GatewayConfig, isSchemaDiscoverable } from './gateway.config.js';

/** The secrets every app requires, so that each case is about its own setting. */
const SECRETS = {
  CALLER_SIGNING_SECRET: 'spec-caller-signing-secret-0123456789abcdef',
  AUTH_JWT_SECRET: 'spec-jwt-secret-0123456789abcdef-0123456789',
};

describe('GatewayConfig', () => {
  it('opens the schema to discovery in development and closes it in production', () => {
    expect(isSchemaDiscoverable(loadConfig(GatewayConfig, SECRETS))).toBe(true);
    expect(
      isSchemaDiscoverable(loadConfig(GatewayConfig, { ...SECRETS, NODE_ENV: 'production' })),
    ).toBe(false);
  });

  it('lets GRAPHQL_INTROSPECTION override NODE_ENV either way', () => {
    const discoverable = (env: Record<string, string>) =>
      isSchemaDiscoverable(loadConfig(GatewayConfig, { ...SECRETS, ...env }));
    expect(discoverable({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' })).toBe(true);
    expect(discoverable({ NODE_ENV: 'development', GRAPHQL_INTROSPECTION: 'false' })).toBe(false);
  });

  it('names a wrong limit and its rule', () => {
    expect(() =>
      loadConfig(GatewayConfig, {
        ...SECRETS,
        QUERY_MAX_DEPTH: '1',
        GRAPHQL_INTROSPECTION: 'maybe',
      }),
    ).toThrow(ConfigError);
    try {
      loadConfig(GatewayConfig, {
        ...SECRETS,
        QUERY_MAX_DEPTH: '1',
        GRAPHQL_INTROSPECTION: 'maybe',
      });
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^QUERY_MAX_DEPTH: .*not be less than 2/m);
      expect(problems).toMatch(/^GRAPHQL_INTROSPECTION: .*boolean/m);
    }
  });
});
