import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  url: string;
  name: string;
  /** Runs SQL against the test database (for assertions on what services wrote). */
  query<T extends pg.QueryResultRow = Record<string, unknown>>(
    sql: string,
    values?: unknown[],
  ): Promise<T[]>;
  drop(): Promise<void>;
}

/** The Postgres server tests use: TEST_DATABASE_URL, else DATABASE_URL, else the local one. */
function serverUrl(): URL {
  return new URL(
    process.env.TEST_DATABASE_URL ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
  );
}

/** A fresh, empty database for one test file; dropped (connections and all) afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `convene_test_${randomBytes(6).toString('hex')}`;
  const admin = serverUrl();
  admin.pathname = '/postgres';
  await withClient(admin.toString(), (client) => client.query(`CREATE DATABASE "${name}"`));

  const url = new URL(admin);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  return {
    url: url.toString(),
    name,
    query: async (sql, values) => (await pool.query(sql, values)).rows,
    drop: async () => {
      await pool.end();
      await withClient(admin.toString(), async (client) => {
        // Pools close their connections asynchronously: let them finish, so FORCE only ends
        // connections something forgot (a forced end of a closing client is an unhandled error).
        for (let attempt = 0; attempt < 40; attempt += 1) {
          const { rows } = await client.query<{ open: number }>(
            'SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (rows[0]?.open === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    },
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
