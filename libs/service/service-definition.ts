import type { Provider, Type } from '@nestjs/common';
import type { DataSourceOptions } from 'typeorm';
import type { ServiceConfig } from '#libs/config';

/**
 * What makes one service: its name (also its Postgres schema, NATS queue group and event
 * source), its tables and migrations, its NATS handlers and their providers.
 */
export interface ServiceDefinition {
  name: string;
  /** HTTP_PORT (/health, /metrics) when the environment does not set one. */
  defaultHttpPort: number;
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
  controllers: Type[];
  providers: Provider[];
  /**
   * Settings of its own besides those of every service: a subclass of ServiceConfig, read and
   * validated at start like the rest, and injectable by that class (and as ServiceConfig).
   */
  config?: Type<ServiceConfig>;
}
