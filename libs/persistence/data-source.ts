import { Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';

export interface ServiceDataSourceOptions {
  url: string;
  /** The Postgres schema the service owns; its tables and its migrations table live there. */
  schema: string;
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
  poolSize?: number;
  applicationName?: string;
}

export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? `convene-${options.schema}`,
      connectionTimeoutMillis: 5000,
    },
  });
}

/** Closes the pool when the Nest app shuts down (after its servers stopped taking requests). */
@Injectable()
export class DataSourceCloser implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Provides an initialized DataSource to a service's module and closes it with the app. */
export function dataSourceProviders(dataSource: DataSource): Provider[] {
  return [{ provide: DataSource, useValue: dataSource }, DataSourceCloser];
}
