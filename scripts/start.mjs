// `npm start`: the whole system on this machine, with demo data. See README "Quick start".
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ROOT = new URL('../', import.meta.url).pathname;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (message) => process.stdout.write(`\u001b[1m[convene]\u001b[0m   ${message}\n`);

if (!existsSync(`${ROOT}node_modules/.package-lock.json`)) {
  log('installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { cwd: ROOT, stdio: 'inherit' });
}

const { ensureNats, ensurePostgres } = await import('./infrastructure.mjs');
const { devSecrets } = await import('./dev-secrets.mjs');
const { longRunningApps, runApp, runToCompletion, stopApp, waitForHealth } =
  await import('./apps.mjs');

const GATEWAY_PORT = Number(process.env.PORT ?? 4000);
/** Each service's health port: 4001, 4002, … in nest-cli.json order, unless set. */
const SERVICE_PORT_BASE = Number(process.env.SERVICE_PORT_BASE ?? 4001);

const cleanups = [];
const running = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  await Promise.all(running.map(stopApp));
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  log('stopped');
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  log('building (swc)…');
  execSync('npm run --silent build', { cwd: ROOT, stdio: 'inherit' });

  const postgres = await ensurePostgres(
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene',
    log,
  );
  cleanups.push(postgres.stop);
  const nats = await ensureNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', log);
  cleanups.push(nats.stop);

  const env = {
    ...process.env,
    DATABASE_URL: postgres.url,
    NATS_URL: nats.url,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // Webhooks to receivers on this machine (http://localhost:…) are the point of a local run.
    WEBHOOK_ALLOW_PRIVATE_URLS: process.env.WEBHOOK_ALLOW_PRIVATE_URLS ?? 'true',
    // Local secrets (.data/dev-secrets.json) for caller signing and HS256 bearer tokens.
    ...devSecrets(),
  };
  const services = longRunningApps().filter((name) => name !== 'gateway');

  log(`starting gateway and ${services.join(', ')} (each service migrates its schema first)…`);
  const ports = new Map([['gateway', GATEWAY_PORT]]);
  services.forEach((service, index) => ports.set(service, SERVICE_PORT_BASE + index));
  for (const [name, port] of ports) {
    const app = runApp(
      name,
      'main',
      { ...env, PORT: String(port), HTTP_PORT: String(port) },
      {
        onExit: ({ code, signal }) => {
          if (stopping) return;
          log(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`})`);
          void shutdown(1);
        },
      },
    );
    running.push(app);
  }
  await Promise.all(running.map((app) => waitForHealth(app.name, ports.get(app.name), app)));
  log(
    `apps healthy (${[...ports].map(([name, port]) => `${name} :${port}`).join(', ')}) at ${elapsed()}`,
  );

  log('loading demo data…');
  await runToCompletion('seed', 'main', env);

  const graphqlUrl = `http://localhost:${GATEWAY_PORT}/graphql`;
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ agencies { totalCount } }' }),
  });
  const { data } = await response.json();
  log(`first query answered at ${elapsed()}: ${data.agencies.totalCount} agencies`);
  log('anonymous callers read public data; for writes mint a token, e.g.');
  log('  npm run token -- --role admin        (then send  Authorization: Bearer <token>)');
  log(`\u001b[32mConvene is up.\u001b[0m GraphQL: ${graphqlUrl}   (Ctrl-C stops everything)`);
} catch (error) {
  // A Ctrl-C during start-up makes the steps in flight fail: that is a stop, not a failure.
  if (!stopping) {
    log(
      `\u001b[31mcould not start:\u001b[0m ${error instanceof Error ? error.message : String(error)}`,
    );
    await shutdown(1);
  }
}
