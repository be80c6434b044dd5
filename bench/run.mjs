// `npm run bench`: start-up time, then each scenario under load; appends rows to RESULTS.md.
import { appendFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { ensureTrainings } from './lib/bench-trainings.mjs';
import { measure, natsRequestsPerQuery } from './lib/load.mjs';
import { commit, startSystem } from './lib/system.mjs';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);

const SCENARIOS = [
  {
    name: 'agencies list: 20 agencies with their people',
    query: `{ agencies(first: 20) { totalCount edges { cursor node {
      id acronym name kind headquarters website people { id name title division } } } } }`,
  },
  {
    name: '50 trainings with sessions, assignments, agencies and people',
    query: `{ trainings(first: 50) { totalCount edges { node {
      id title status format startsAt endsAt
      sessions { id startsAt endsAt timeZone }
      assignments { role person { id name title } agency { id acronym name people { id name } } } } } } }`,
  },
];

console.log(
  `machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; starting the system with npm start…`,
);
const system = await startSystem();
console.log(`first answered query after ${(system.startupMs / 1000).toFixed(1)} s`);
try {
  await ensureTrainings(system.url, 50);
  // Requests per answer are counted before any load, so no straggler of a run is counted.
  for (const scenario of SCENARIOS)
    scenario.natsRequests = await natsRequestsPerQuery(system, scenario.query);
  for (const scenario of SCENARIOS) {
    const result = await measure(system, {
      ...scenario,
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
    });
    const memory = Object.entries(system.memory())
      .map(([app, mib]) => `${app} ${mib}`)
      .join(', ');
    const row = [
      new Date().toISOString().slice(0, 16).replace('T', ' '),
      `\`${commit()}\``,
      result.name,
      `${(system.startupMs / 1000).toFixed(1)} s`,
      result.connections,
      result.natsRequests,
      result.requestsPerSecond,
      result.p50,
      result.p99,
      result.failed,
      memory,
    ];
    appendFileSync(new URL('RESULTS.md', import.meta.url), `| ${row.join(' | ')} |\n`);
    console.log(
      `${result.name}: ${result.requestsPerSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
        `${result.failed} failed, ${result.natsRequests} NATS requests per query; RSS MiB: ${memory}`,
    );
  }
  console.log('appended to bench/RESULTS.md');
} finally {
  system.stop();
}
