import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { natsServerOptions, NatsStatusHealthCheck } from '#libs/messaging';
import { httpMetricsMiddleware, JsonLogger } from '#libs/observability';
import { runMigrations } from '#libs/persistence';
import type { AgenciesConfig } from './agencies.config.js';
import { AgenciesServiceModule } from './agencies-service.module.js';
import { AGENCIES_SCHEMA, createAgenciesDataSource } from './database/agencies.data-source.js';

export const AGENCIES_QUEUE = 'agencies';

/**
 * Starts the agencies service: migrates its schema, answers its NATS subjects in the
 * `agencies` queue group, and serves /health and /metrics on HTTP_PORT.
 */
export async function startAgenciesService(config: AgenciesConfig): Promise<INestApplication> {
  const logger = new JsonLogger('agencies', config.LOG_LEVEL);
  const dataSource = createAgenciesDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource, AGENCIES_SCHEMA);
    if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`, 'Migrations');

    const natsHealth = new NatsStatusHealthCheck();
    const app = await NestFactory.create(AgenciesServiceModule.register(dataSource, natsHealth), {
      logger,
    });
    app.use(httpMetricsMiddleware);
    const microservice = app.connectMicroservice(
      natsServerOptions(config.NATS_URL, AGENCIES_QUEUE),
    );
    natsHealth.follow(microservice.status);
    await app.startAllMicroservices();
    await app.listen(config.HTTP_PORT, '0.0.0.0');
    return app;
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
