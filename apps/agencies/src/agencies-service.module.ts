import { Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NatsStatusHealthCheck } from '#libs/messaging';
import {
  HEALTH_CHECKS,
  HealthController,
  MetricsController,
  type HealthCheck,
} from '#libs/observability';
import { dataSourceProviders, OutboxWriter } from '#libs/persistence';
import { AgenciesController } from './agencies/agencies.controller.js';
import { AgenciesRepository } from './agencies/agencies.repository.js';
import { AgenciesService } from './agencies/agencies.service.js';
import { PeopleController } from './people/people.controller.js';
import { PeopleRepository } from './people/people.repository.js';
import { PeopleService } from './people/people.service.js';

export const AGENCIES_EVENT_SOURCE = '/convene/agencies';

@Module({})
export class AgenciesServiceModule {
  static register(dataSource: DataSource, natsHealth: NatsStatusHealthCheck): DynamicModule {
    const postgresHealth: HealthCheck = {
      name: 'postgres',
      check: async () => void (await dataSource.query('SELECT 1')),
    };
    return {
      module: AgenciesServiceModule,
      controllers: [AgenciesController, PeopleController, HealthController, MetricsController],
      providers: [
        ...dataSourceProviders(dataSource),
        { provide: OutboxWriter, useValue: new OutboxWriter(AGENCIES_EVENT_SOURCE) },
        { provide: HEALTH_CHECKS, useValue: [postgresHealth, natsHealth] },
        AgenciesRepository,
        AgenciesService,
        PeopleRepository,
        PeopleService,
      ],
    };
  }
}
