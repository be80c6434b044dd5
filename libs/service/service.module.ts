import { Module, type DynamicModule } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ServiceConfig } from '#libs/config';
import {
  CallerSignature,
  RpcClient,
  type EventPublisher,
  type NatsStatusHealthCheck,
} from '#libs/messaging';
import {
  HEALTH_CHECKS,
  HealthController,
  MetricsController,
  type HealthCheck,
} from '#libs/observability';
import { dataSourceProviders, OutboxWriter } from '#libs/persistence';
import { OutboxRelay } from './outbox-relay.js';
import { ReferenceChecker } from './reference-checker.js';
import type { ServiceDefinition } from './service-definition.js';

@Module({})
export class ServiceModule {
  /**
   * A service's module: its handlers and providers, plus what every service has: the data
   * source, the outbox writer and its relay to JetStream, a client to call other services, the
   * caller verification of every handler,
   * /health and /metrics.
   */
  static register(
    definition: ServiceDefinition,
    config: ServiceConfig,
    dataSource: DataSource,
    rpc: RpcClient,
    publisher: EventPublisher,
    natsHealth: NatsStatusHealthCheck,
    callerSignature: CallerSignature,
  ): DynamicModule {
    const postgresHealth: HealthCheck = {
      name: 'postgres',
      check: async () => void (await dataSource.query('SELECT 1')),
    };
    return {
      module: ServiceModule,
      controllers: [...definition.controllers, HealthController, MetricsController],
      providers: [
        { provide: ServiceConfig, useValue: config },
        ...(definition.config ? [{ provide: definition.config, useValue: config }] : []),
        ...dataSourceProviders(dataSource),
        { provide: OutboxWriter, useValue: new OutboxWriter(`/convene/${definition.name}`) },
        { provide: RpcClient, useValue: rpc },
        { provide: CallerSignature, useValue: callerSignature },
        { provide: HEALTH_CHECKS, useValue: [postgresHealth, natsHealth] },
        ReferenceChecker,
        { provide: OutboxRelay, useValue: new OutboxRelay(dataSource, definition.name, publisher) },
        ...definition.providers,
      ],
    };
  }
}
