import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { loadConfig, ServiceConfig } from '#libs/config';
import {
  CallerSignature,
  EventPublisher,
  natsServerOptions,
  NatsStatusHealthCheck,
  RpcClient,
} from '#libs/messaging';
import { httpMetricsMiddleware, JsonLogger, runMain } from '#libs/observability';
import { createServiceDataSource, OutboxEvent, runMigrations } from '#libs/persistence';
import type { ServiceDefinition } from './service-definition.js';
import { ServiceModule } from './service.module.js';

export function createDataSourceFor(
  definition: ServiceDefinition,
  url: string,
  poolSize?: number,
): DataSource {
  return createServiceDataSource({
    url,
    schema: definition.name,
    entities: [...(definition.entities as []), OutboxEvent],
    migrations: definition.migrations,
    poolSize,
  });
}

/**
 * Starts a service: migrates its schema, answers its NATS subjects in its queue group, relays
 * its outbox to the JetStream stream of domain events, and serves /health and /metrics. Closing the app releases everything.
 */
export async function startService(
  definition: ServiceDefinition,
  config: ServiceConfig,
): Promise<INestApplication> {
  const logger = new JsonLogger(definition.name, config.LOG_LEVEL);
  const dataSource = await createDataSourceFor(
    definition,
    config.DATABASE_URL,
    config.DATABASE_POOL_SIZE,
  ).initialize();
  let rpc: RpcClient | undefined;
  let publisher: EventPublisher | undefined;
  try {
    const applied = await runMigrations(dataSource, definition.name);
    if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`, 'Migrations');
    rpc = await RpcClient.connect({
      url: config.NATS_URL,
      name: `${definition.name}-service`,
      timeoutMs: config.RPC_TIMEOUT_MS,
      callerSigningSecret: config.CALLER_SIGNING_SECRET,
    });
    publisher = await EventPublisher.connect(config.NATS_URL, `${definition.name}-outbox-relay`);
    await publisher.ensureStream({
      maxAgeDays: config.EVENT_STREAM_MAX_AGE_DAYS,
      maxMegabytes: config.EVENT_STREAM_MAX_MB,
    });
    const natsHealth = new NatsStatusHealthCheck();
    const app = await NestFactory.create(
      ServiceModule.register(
        definition,
        config,
        dataSource,
        rpc,
        publisher,
        natsHealth,
        new CallerSignature(config.CALLER_SIGNING_SECRET),
      ),
      { logger },
    );
    app.use(httpMetricsMiddleware);
    const microservice = app.connectMicroservice(
      natsServerOptions(config.NATS_URL, definition.name),
    );
    natsHealth.follow(microservice.status);
    await app.startAllMicroservices();
    await app.listen(config.HTTP_PORT, '0.0.0.0');
    return app;
  } catch (error) {
    await publisher?.close();
    await rpc?.close();
    await dataSource.destroy();
    throw error;
  }
}

/** The `main` of a service process. */
export function runService(definition: ServiceDefinition): Promise<void> {
  return runMain(definition.name, async () => {
    const config = loadServiceConfig(definition);
    const app = await startService(definition, config);
    app.enableShutdownHooks();
    return `${definition.name} service answering on NATS; health and metrics on :${config.HTTP_PORT}`;
  });
}

/** The `migrate` entry of a service: applies its pending migrations, then exits. */
export function runServiceMigrations(definition: ServiceDefinition): Promise<void> {
  return runMain(definition.name, async () => {
    const config = loadServiceConfig(definition);
    // Two connections: one holds the advisory lock while the other migrates.
    const dataSource = await createDataSourceFor(definition, config.DATABASE_URL, 2).initialize();
    try {
      const applied = await runMigrations(dataSource, definition.name);
      return applied.length > 0
        ? `applied ${applied.join(', ')}`
        : `schema ${definition.name} is up to date`;
    } finally {
      await dataSource.destroy();
    }
  });
}

export function loadServiceConfig(
  definition: ServiceDefinition,
  env: Record<string, string | undefined> = process.env,
): ServiceConfig {
  return loadConfig(definition.config ?? ServiceConfig, {
    HTTP_PORT: String(definition.defaultHttpPort),
    ...env,
  });
}
