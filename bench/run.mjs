// `npm run bench`: start-up time and gateway throughput, measured on this machine.
// Starts its own system through `npm start` (its own NATS server, database convene_bench and
// ports), so a running development stack neither helps nor hurts the figures.
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';

const ROOT = new URL('../', import.meta.url).pathname;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const WARMUP_S = 5;

const AGENCIES_QUERY = `{
  agencies(first: 20) {
    totalCount
    edges { cursor node { id acronym name kind headquarters website people { id name title division } } }
  }
}`;

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function graphql(url, query) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

/** Resident memory (MiB) of every process below `pid`, by its command line. */
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

const [gatewayPort, servicePortBase, natsPort] = await Promise.all([
  freePort(),
  freePort(),
  freePort(),
]);
const url = `http://127.0.0.1:${gatewayPort}/graphql`;

console.log(`starting the system with npm start (gateway :${gatewayPort}, own nats :${natsPort})…`);
const started = performance.now();
const system = spawn('npm', ['start'], {
  cwd: ROOT,
  env: {
    ...process.env,
    PORT: String(gatewayPort),
    SERVICE_PORT_BASE: String(servicePortBase),
    NATS_URL: `nats://127.0.0.1:${natsPort}`,
    DATABASE_URL:
      process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene_bench',
  },
  stdio: 'ignore',
  detached: true,
});

let startupMs;
for (;;) {
  try {
    const body = await graphql(url, '{ agencies { totalCount } }');
    if (body.data?.agencies.totalCount >= 14) {
      startupMs = performance.now() - started;
      break;
    }
  } catch {
    // not up yet
  }
  if (performance.now() - started > 120_000)
    throw new Error('the system did not answer within 120 s');
  await new Promise((resolve) => setTimeout(resolve, 50));
}
console.log(`first answered query (14 agencies) after ${(startupMs / 1000).toFixed(1)} s`);

try {
  const sample = await graphql(url, AGENCIES_QUERY);
  if (sample.errors) throw new Error(`benchmark query fails: ${JSON.stringify(sample.errors)}`);
  const rows = sample.data.agencies.edges.length;

  const request = {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: AGENCIES_QUERY }),
    connections: CONNECTIONS,
  };
  await autocannon({ ...request, duration: WARMUP_S });
  const result = await autocannon({ ...request, duration: DURATION_S });
  const memory = memoryOfTree(system.pid);
  const failures = result.errors + result.timeouts + result.non2xx;

  const line = [
    new Date().toISOString().slice(0, 16).replace('T', ' '),
    `\`${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()}\``,
    `${(startupMs / 1000).toFixed(1)} s`,
    `${rows} agencies + people`,
    CONNECTIONS,
    Math.round(result.requests.average),
    result.latency.p50,
    result.latency.p99,
    failures,
    Object.entries(memory)
      .map(([app, mib]) => `${app} ${mib}`)
      .join(', '),
  ].join(' | ');
  appendFileSync(new URL('RESULTS.md', import.meta.url), `| ${line} |\n`);
  console.log(`machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`);
  console.log(
    `agencies list, ${CONNECTIONS} connections, ${DURATION_S} s: ${Math.round(result.requests.average)} req/s, ` +
      `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${failures} failed; RSS MiB ${JSON.stringify(memory)}`,
  );
  console.log('appended to bench/RESULTS.md');
} finally {
  process.kill(-system.pid, 'SIGINT');
}
