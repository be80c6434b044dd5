import 'reflect-metadata';
import { loadConfig } from '#libs/config';
import { runMain } from '#libs/observability';
import { runMigrations } from '#libs/persistence';
import { AgenciesConfig } from './agencies.config.js';
import { AGENCIES_SCHEMA, createAgenciesDataSource } from './database/agencies.data-source.js';

/** `npm run migrate`: applies the agencies schema's pending migrations, then exits. */
await runMain('agencies', async () => {
  const config = loadConfig(AgenciesConfig);
  const dataSource = await createAgenciesDataSource(config.DATABASE_URL, 2).initialize();
  try {
    const applied = await runMigrations(dataSource, AGENCIES_SCHEMA);
    return applied.length > 0 ? `applied ${applied.join(', ')}` : 'schema agencies is up to date';
  } finally {
    await dataSource.destroy();
  }
});
