import type { DataSource } from 'typeorm';
import { createServiceDataSource, OutboxEvent } from '#libs/persistence';
import { AgencyEntity } from '../agencies/agency.entity.js';
import { PersonEntity } from '../people/person.entity.js';
import { CreateAgencies1764380000000 } from './migrations/1764380000000-create-agencies.js';

export const AGENCIES_SCHEMA = 'agencies';

export function createAgenciesDataSource(url: string, poolSize?: number): DataSource {
  return createServiceDataSource({
    url,
    schema: AGENCIES_SCHEMA,
    entities: [AgencyEntity, PersonEntity, OutboxEvent],
    migrations: [CreateAgencies1764380000000],
    poolSize,
  });
}
