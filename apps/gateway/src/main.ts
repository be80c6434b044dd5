import 'reflect-metadata';
import { loadConfig } from '#libs/config';
import { runMain } from '#libs/observability';
import { startGateway } from './gateway.app.js';
import { GatewayConfig } from './gateway.config.js';

await runMain('gateway', async () => {
  const config = loadConfig(GatewayConfig);
  const app = await startGateway(config);
  app.enableShutdownHooks();
  return `GraphQL gateway ready at http://localhost:${config.PORT}/graphql`;
});
