import type { INestApplication } from '@nestjs/common';
import { loadConfig, type ServiceConfig } from '#libs/config';
import type { Caller } from '#libs/messaging';
import { loadServiceConfig, startService, type ServiceDefinition } from '#libs/service';
import {
  createTestDatabase,
  freePort,
  GraphQLTestClient,
  startNatsServer,
  TEST_CALLER_SIGNING_SECRET,
  TEST_JWT_ISSUER,
  TEST_JWT_SECRET,
  testToken,
  type NatsServerHandle,
  type TestDatabase,
} from '#libs/testing';
import { AGENCIES_SERVICE } from '../../apps/agencies/src/agencies.definition.js';
import { WORKSTREAMS_SERVICE } from '../../apps/workstreams/src/workstreams.definition.js';
import { EVENTS_SERVICE } from '../../apps/events/src/events.definition.js';
import { KNOWLEDGE_SERVICE } from '../../apps/knowledge/src/knowledge.definition.js';
import { WEBHOOKS_SERVICE } from '../../apps/webhooks/src/webhooks.definition.js';
import { AUDIT_SERVICE } from '../../apps/audit/src/audit.definition.js';
import { IDENTITY_SERVICE } from '../../apps/identity/src/identity.definition.js';
import { startGateway } from '../../apps/gateway/src/gateway.app.js';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config.js';
import { GraphQLAsCaller } from './graphql-as.js';

/** Every service of the system, in the order they start. */
export const ALL_SERVICES: ServiceDefinition[] = [
  AGENCIES_SERVICE,
  WORKSTREAMS_SERVICE,
  EVENTS_SERVICE,
  KNOWLEDGE_SERVICE,
  WEBHOOKS_SERVICE,
  AUDIT_SERVICE,
  IDENTITY_SERVICE,
];

/** How long the gateway waits for a service in tests before SERVICE_UNAVAILABLE. */
export const TEST_RPC_TIMEOUT_MS = 1000;

export interface ConveneStack {
  /** Calls as an admin: the stories of most tests are about what the system does, not who may. */
  graphql: GraphQLTestClient;
  /** The same gateway, as `caller`, with a bearer token minted for it. */
  graphqlAs(caller: Caller): GraphQLAsCaller;
  /** Calls without credentials. */
  anonymous: GraphQLTestClient;
  /** The bearer token `graphql` sends, e.g. for a graphql-ws connection_init. */
  adminToken: string;
  gatewayUrl: string;
  nats: NatsServerHandle;
  /** NATS_URL as this NATS user of nats.conf (with natsPermissions), else the plain URL. */
  natsUrlFor(user: string): string;
  database: TestDatabase;
  /** Base URL of a service's /health and /metrics. */
  serviceUrl(name: string): string;
  stopService(name: string): Promise<void>;
  startService(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface ConveneStackOptions {
  /** Environment variables for every service, e.g. `WEBHOOK_RETRY_SCHEDULE`. */
  serviceEnv?: Record<string, string>;
  /**
   * Run NATS with the deployments' users and permissions (k8s/nats/nats.conf): every app
   * connects as its own NATS user, as in docker-compose and k8s.
   */
  natsPermissions?: boolean;
}

const NATS_CONF = new URL('../../k8s/nats/nats.conf', import.meta.url).pathname;

/** The password of a NATS user of nats.conf in tests. */
export const testNatsPassword = (user: string) => `test-${user}-password`;
const NATS_USERS = ['gateway', 'seed', ...ALL_SERVICES.map((service) => service.name)];

/**
 * The real apps, in this process, on a NATS server and a database of this test file's own:
 * nothing is shared with other test files or with a running `npm start`.
 */
export async function startConveneStack(options: ConveneStackOptions = {}): Promise<ConveneStack> {
  const natsConfig = options.natsPermissions
    ? {
        file: NATS_CONF,
        env: Object.fromEntries(
          NATS_USERS.map((user) => [`NATS_${user.toUpperCase()}_PASSWORD`, testNatsPassword(user)]),
        ),
      }
    : undefined;
  const [nats, database] = await Promise.all([
    startNatsServer({ config: natsConfig }),
    createTestDatabase(),
  ]);
  /** The NATS_URL of an app: as its own NATS user when permissions are on. */
  const natsUrlOf = (user: string) =>
    natsConfig
      ? nats.url.replace('nats://', `nats://${user}:${testNatsPassword(user)}@`)
      : nats.url;
  const common = {
    LOG_LEVEL: 'error',
    RPC_TIMEOUT_MS: String(TEST_RPC_TIMEOUT_MS),
    CALLER_SIGNING_SECRET: TEST_CALLER_SIGNING_SECRET,
  };

  const configs = new Map<string, ServiceConfig>();
  const running = new Map<string, INestApplication>();
  const definitionOf = (name: string) => {
    const definition = ALL_SERVICES.find((candidate) => candidate.name === name);
    if (!definition) throw new Error(`no service named ${name}`);
    return definition;
  };
  const start = async (name: string) => {
    if (!running.has(name))
      running.set(name, await startService(definitionOf(name), configOf(name)));
  };
  const configOf = (name: string) => {
    const config = configs.get(name);
    if (!config) throw new Error(`service ${name} was never configured`);
    return config;
  };
  const stopService = async (name: string) => {
    await running.get(name)?.close();
    running.delete(name);
  };

  for (const definition of ALL_SERVICES) {
    configs.set(
      definition.name,
      loadServiceConfig(definition, {
        ...common,
        NATS_URL: natsUrlOf(definition.name),
        ...options.serviceEnv,
        DATABASE_URL: database.url,
        DATABASE_POOL_SIZE: '4',
        HTTP_PORT: String(await freePort()),
      }),
    );
    await start(definition.name);
  }
  const gatewayConfig = loadConfig(GatewayConfig, {
    ...common,
    NATS_URL: natsUrlOf('gateway'),
    PORT: String(await freePort()),
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    AUTH_ISSUER: TEST_JWT_ISSUER,
    // Revocation is tested: the gateway asks the identity service about every API key.
    API_KEY_CACHE_SECONDS: '0',
  });
  const gateway = await startGateway(gatewayConfig);
  const gatewayUrl = `http://127.0.0.1:${gatewayConfig.PORT}`;

  const anonymous = new GraphQLTestClient(`${gatewayUrl}/graphql`);
  const adminToken = await testToken({ roles: ['admin'], subject: 'test-admin', expiresIn: '2h' });
  const admin = anonymous.as(adminToken);

  return {
    graphqlAs: (caller) => new GraphQLAsCaller(anonymous, caller),
    graphql: admin,
    adminToken,
    anonymous,
    gatewayUrl,
    nats,
    natsUrlFor: natsUrlOf,
    database,
    serviceUrl: (name) => `http://127.0.0.1:${configOf(name).HTTP_PORT}`,
    stopService,
    startService: start,
    stop: async () => {
      await gateway.close();
      for (const name of [...running.keys()].reverse()) await stopService(name);
      await nats.dispose();
      await database.drop();
    },
  };
}
