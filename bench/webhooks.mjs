// `npm run bench:webhooks`: how fast a committed change reaches an integration's webhook.
// Starts the system with `npm start` (bench/lib/system.mjs), registers an endpoint on a local
// receiver, then measures
//   1. commit-to-webhook latency: one updateAgency at a time; from the mutation's answer (the
//      change has committed) and from the event's `time` to the signed request's arrival;
//   2. throughput: a burst of events written straight into the agencies outbox in one
//      transaction (as committed changes leave them), timed until the relay has published
//      them all to the stream and until the receiver has had every one.
// Appends rows to WEBHOOK-RESULTS.md.
import { appendFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';
import { commit, graphql, startSystem } from './lib/system.mjs';

const LATENCY_SAMPLES = Number(process.env.BENCH_WEBHOOK_SAMPLES ?? 300);
const BURST = Number(process.env.BENCH_WEBHOOK_BURST ?? 5000);
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene_bench';

/** webhook-id → arrival (performance.now() and Date.now()). */
const arrivals = new Map();
const receiver = createServer((request, response) => {
  const arrivedAt = performance.now();
  const arrivedWall = Date.now();
  request.resume();
  request.on('end', () => {
    const id = request.headers['webhook-id'];
    if (id && request.headers['webhook-signature']?.startsWith('v1,'))
      arrivals.set(id, { arrivedAt, arrivedWall });
    response.statusCode = 200;
    response.end();
  });
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const hookUrl = `http://127.0.0.1:${receiver.address().port}/hook`;

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

async function waitFor(check, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

console.log(
  `machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; starting the system with npm start…`,
);
const system = await startSystem();
const database = new pg.Client({ connectionString: DATABASE_URL });
await database.connect();
try {
  // Endpoints of earlier runs point at receivers that are gone: remove them.
  const old = await graphql(
    system.url,
    '{ webhookEndpoints(first: 100) { edges { node { id } } } }',
  );
  for (const { node } of old.webhookEndpoints.edges)
    await graphql(system.url, 'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }', {
      id: node.id,
    });
  await graphql(
    system.url,
    `
      mutation ($input: RegisterWebhookEndpointInput!) {
        registerWebhookEndpoint(input: $input) {
          secret
        }
      }
    `,
    { input: { url: hookUrl, eventTypes: ['convene.agencies.agency.updated'] } },
  );
  const { agencies } = await graphql(
    system.url,
    '{ agencies(first: 1) { edges { node { id } } } }',
  );
  const agencyId = agencies.edges[0].node.id;

  // 1. Latency, one change at a time.
  const fromAnswer = [];
  const fromEventTime = [];
  const update = `mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { id } }`;
  for (let index = 0; index < LATENCY_SAMPLES + 20; index += 1) {
    const before = new Set(arrivals.keys());
    await graphql(system.url, update, {
      input: { id: agencyId, headquarters: `Bench City ${Date.now()}-${index}` },
    });
    const answeredAt = performance.now();
    let id;
    await waitFor(() => {
      id = [...arrivals.keys()].find((key) => !before.has(key));
      return id !== undefined;
    }, 10_000);
    if (index < 20) continue; // warm-up
    const arrival = arrivals.get(id);
    fromAnswer.push(arrival.arrivedAt - answeredAt);
    const [{ time }] = (
      await database.query('SELECT envelope->>$2 AS time FROM agencies.outbox WHERE id = $1', [
        id,
        'time',
      ])
    ).rows;
    fromEventTime.push(arrival.arrivedWall - Date.parse(time));
  }
  fromAnswer.sort((a, b) => a - b);
  fromEventTime.sort((a, b) => a - b);

  // 2. Throughput: a burst of committed events.
  arrivals.clear();
  const ids = Array.from({ length: BURST }, () => randomUUID());
  const envelopes = ids.map((id, index) => ({
    specversion: '1.0',
    id,
    source: '/convene/agencies',
    type: 'convene.agencies.agency.updated',
    subject: agencyId,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: { benchmark: index },
    conveneactor: 'bench',
    convenecorrelationid: 'bench',
  }));
  const started = performance.now();
  await database.query(
    `INSERT INTO agencies.outbox (id, type, aggregate_id, envelope)
     SELECT (e->>'id')::uuid, e->>'type', e->>'subject', e FROM jsonb_array_elements($1::jsonb) AS e`,
    [JSON.stringify(envelopes)],
  );
  const committed = performance.now();
  let publishedAt;
  await waitFor(async () => {
    if (publishedAt === undefined) {
      const [{ pending }] = (
        await database.query(
          'SELECT count(*)::int AS pending FROM agencies.outbox WHERE published_at IS NULL AND id = ANY($1::uuid[])',
          [ids],
        )
      ).rows;
      if (pending === 0) publishedAt = performance.now();
    }
    return arrivals.size >= BURST;
  }, 300_000);
  const deliveredAt = performance.now();
  const publishedPerSecond = Math.round(BURST / ((publishedAt - committed) / 1000));
  const deliveredPerSecond = Math.round(BURST / ((deliveredAt - committed) / 1000));

  const fmt = (value) => value.toFixed(1);
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`;
  const rows = [
    [
      when,
      `\`${commit()}\``,
      machine,
      `commit-to-webhook latency, ${LATENCY_SAMPLES} changes one at a time (from the mutation's answer)`,
      `p50 ${fmt(percentile(fromAnswer, 0.5))} ms, p99 ${fmt(percentile(fromAnswer, 0.99))} ms`,
    ],
    [
      when,
      `\`${commit()}\``,
      machine,
      `the same, from the event's \`time\` (set in the writing transaction)`,
      `p50 ${fmt(percentile(fromEventTime, 0.5))} ms, p99 ${fmt(percentile(fromEventTime, 0.99))} ms`,
    ],
    [
      when,
      `\`${commit()}\``,
      machine,
      `burst of ${BURST} committed events: outbox → stream, and → signed webhook received`,
      `${publishedPerSecond} events/s published, ${deliveredPerSecond} events/s delivered (insert took ${fmt(committed - started)} ms)`,
    ],
  ];
  for (const row of rows) {
    appendFileSync(new URL('WEBHOOK-RESULTS.md', import.meta.url), `| ${row.join(' | ')} |\n`);
    console.log(`${row[3]}: ${row[4]}`);
  }
  console.log('appended to bench/WEBHOOK-RESULTS.md');
} finally {
  await database.end();
  receiver.close();
  system.stop();
}
