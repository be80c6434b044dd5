import type { DataSource } from 'typeorm';

/**
 * Creates the service's schema and applies its pending migrations. An advisory lock
 * makes replicas that start together take turns instead of racing. It holds one pooled
 * connection while the migrations run on another: the pool needs at least two.
 */
export async function runMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`convene:migrate:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`convene:migrate:${schema}`]);
    await runner.release();
  }
}
