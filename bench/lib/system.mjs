// Starts the whole system through `npm start` on free ports with its own nats-server and the
// database convene_bench, so a running development stack neither helps nor hurts the figures.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { DEV_AUDIENCE, DEV_ISSUER, devSecrets } from '../../scripts/dev-secrets.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

let adminToken;

/**
 * Headers of every benchmark request: the figures are for an admin, who sees drafts too (the
 * benchmark's trainings are drafts) and whose token the gateway verifies on each request.
 */
export function requestHeaders() {
  return {
    'content-type': 'application/json',
    ...(adminToken && { authorization: `Bearer ${adminToken}` }),
  };
}

/** An admin token signed with the secret `npm start` uses (.data/dev-secrets.json). */
async function mintAdminToken() {
  await import('reflect-metadata');
  const { mintDevToken } = await import('../../dist/libs/auth/index.js');
  return mintDevToken({
    secret: devSecrets().AUTH_JWT_SECRET,
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    subject: 'bench',
    roles: ['admin'],
    expiresIn: '6h',
  });
}

export async function graphql(url, query, variables = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: requestHeaders(),
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Starts the system and resolves once it answers with the whole demo data: agencies, Work Stream 6, its trainings. */
export async function startSystem() {
  const [gatewayPort, servicePortBase, natsPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
  ]);
  const url = `http://127.0.0.1:${gatewayPort}/graphql`;
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(gatewayPort),
      SERVICE_PORT_BASE: String(servicePortBase + 10),
      NATS_URL: `nats://127.0.0.1:${natsPort}`,
      // The load comes from one client IP, far above what one real caller may send.
      RATE_LIMIT_BURST: '1000000',
      RATE_LIMIT_PER_SECOND: '1000000',
      DATABASE_URL:
        process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene_bench',
    },
    stdio: 'ignore',
    detached: true,
  });
  for (;;) {
    try {
      // dist/ exists once `npm start` has built it.
      adminToken ??= await mintAdminToken();
      const data = await graphql(
        url,
        '{ agencies { totalCount } workStream(number: 6) { trainings { id } } }',
      );
      if (data.agencies.totalCount >= 14 && data.workStream.trainings.length >= 4) break;
    } catch {
      // not up yet
    }
    if (performance.now() - started > 180_000)
      throw new Error('the system did not answer within 180 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    metricsUrl: `http://127.0.0.1:${gatewayPort}/metrics`,
    startupMs: performance.now() - started,
    memory: () => memoryOfTree(child.pid),
    stop: () => process.kill(-child.pid, 'SIGINT'),
  };
}

/** Resident memory (MiB) of each app process started below `pid`. */
function memoryOfTree(pid) {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/))
    .filter(Boolean)
    .map(([, p, pp, rss, args]) => ({ pid: Number(p), ppid: Number(pp), rss: Number(rss), args }));
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows) {
      if (tree.has(row.ppid) && !tree.has(row.pid)) {
        tree.add(row.pid);
        grew = true;
      }
    }
  }
  const memory = {};
  for (const row of rows.filter((candidate) => tree.has(candidate.pid))) {
    const app = row.args.match(/dist\/apps\/(\w+)\/src\/main\.js/)?.[1];
    if (app) memory[app] = Math.round(row.rss / 1024);
  }
  return memory;
}

export function commit() {
  return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
}
