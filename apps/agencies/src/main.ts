import 'reflect-metadata';
import { loadConfig } from '#libs/config';
import { runMain } from '#libs/observability';
import { startAgenciesService } from './agencies.app.js';
import { AgenciesConfig } from './agencies.config.js';

await runMain('agencies', async () => {
  const config = loadConfig(AgenciesConfig);
  const app = await startAgenciesService(config);
  app.enableShutdownHooks();
  return `agencies service answering on NATS; health and metrics on :${config.HTTP_PORT}`;
});
