import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '#libs/config';
import {
  createTestDatabase,
  freePort,
  GraphQLTestClient,
  startNatsServer,
  type NatsServerHandle,
  type TestDatabase,
} from '#libs/testing';
import { startAgenciesService } from '../../apps/agencies/src/agencies.app.js';
import { AgenciesConfig } from '../../apps/agencies/src/agencies.config.js';
import { startGateway } from '../../apps/gateway/src/gateway.app.js';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config.js';

/** How long the gateway waits for a service in tests before SERVICE_UNAVAILABLE. */
export const TEST_RPC_TIMEOUT_MS = 1000;

export interface ConveneStack {
  graphql: GraphQLTestClient;
  gatewayUrl: string;
  agenciesUrl: string;
  nats: NatsServerHandle;
  database: TestDatabase;
  stopAgencies(): Promise<void>;
  startAgencies(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real apps, in this process, on a NATS server and a database of this test file's own:
 * nothing is shared with other test files or with a running `npm start`.
 */
export async function startConveneStack(): Promise<ConveneStack> {
  const [nats, database] = await Promise.all([startNatsServer(), createTestDatabase()]);
  const common = {
    NATS_URL: nats.url,
    LOG_LEVEL: 'error',
    RPC_TIMEOUT_MS: String(TEST_RPC_TIMEOUT_MS),
  };
  const agenciesConfig = loadConfig(AgenciesConfig, {
    ...common,
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '4',
    HTTP_PORT: String(await freePort()),
  });
  const gatewayConfig = loadConfig(GatewayConfig, { ...common, PORT: String(await freePort()) });

  let agencies: INestApplication | undefined = await startAgenciesService(agenciesConfig);
  const gateway = await startGateway(gatewayConfig);
  const gatewayUrl = `http://127.0.0.1:${gatewayConfig.PORT}`;

  const stopAgencies = async () => {
    await agencies?.close();
    agencies = undefined;
  };
  return {
    graphql: new GraphQLTestClient(`${gatewayUrl}/graphql`),
    gatewayUrl,
    agenciesUrl: `http://127.0.0.1:${agenciesConfig.HTTP_PORT}`,
    nats,
    database,
    stopAgencies,
    startAgencies: async () => {
      agencies ??= await startAgenciesService(agenciesConfig);
    },
    stop: async () => {
      await gateway.close();
      await stopAgencies();
      await nats.dispose();
      await database.drop();
    },
  };
}
