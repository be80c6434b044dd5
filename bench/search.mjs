// `npm run bench:search`: knowledge search over 100,000 resources, 10 concurrent clients.
// Seeds the resources straight into the knowledge schema with SQL (seeding is not what is
// measured), then times every search request and reports p50/p95; appends to RESULTS.md.
import { appendFileSync } from 'node:fs';
import pg from 'pg';
import { commit, graphql, startSystem } from './lib/system.mjs';

const RESOURCES = 100_000;
const CLIENTS = 10;
const DURATION_MS = Number(process.env.BENCH_DURATION_S ?? 20) * 1000;
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convene_bench';

const SEARCHES = [
  { search: 'technology transfer' },
  { search: '"innovation policy"' },
  { search: 'roadmap OR toolkit -energy' },
  { search: 'intellectual property', filter: { type: 'POLICY_GUIDE' } },
  { search: 'capacity', filter: { sdg: 9 } },
  { filter: { topic: 'STI roadmaps' } },
];
const QUERY = `query($search: String, $filter: ResourceFilterInput) {
  knowledgeResources(search: $search, filter: $filter, first: 20) {
    totalCount edges { rank snippet node { id title type publishedOn } }
    facets { types { value count } topics { value count } sdgs { value count } languages { value count } }
  } }`;

async function seed() {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const [{ count }] = (
      await client.query('SELECT count(*)::int AS count FROM knowledge.resource')
    ).rows;
    if (count >= RESOURCES) return count;
    console.log(`seeding ${RESOURCES - count} resources…`);
    const started = performance.now();
    await client.query(
      `WITH words AS (SELECT ARRAY['innovation','policy','technology','transfer','roadmap','toolkit','capacity',
         'industrial','energy','digital','intellectual','property','research','development','partnership',
         'inclusive','sustainable','science','skills','finance','agriculture','health','data','evaluation'] AS w)
       INSERT INTO knowledge.resource (title, summary, body, type, language, published_on, topics, sdgs)
       SELECT initcap(w[1 + (n * 7) % 24] || ' ' || w[1 + (n * 13) % 24] || ' ' || w[1 + (n * 17) % 24]),
              'Benchmark resource about ' || w[1 + (n * 3) % 24] || ' and ' || w[1 + (n * 11) % 24] || ' ' || w[1 + (n * 5) % 24] || '.',
              repeat(w[1 + n % 24] || ' ' || w[1 + (n * 19) % 24] || ' ' || w[1 + (n * 23) % 24] || ' for the SDGs. ', 20),
              (ARRAY['TRAINING_MATERIAL','CASE_STUDY','POLICY_GUIDE','RECORDING','REPORT','TOOLKIT','ROADMAP'])[1 + n % 7],
              (ARRAY['en','fr','es','ar'])[1 + n % 4],
              date '2015-01-01' + (n % 3650),
              ARRAY[(ARRAY['STI policy','Technology transfer','STI roadmaps','Intellectual property'])[1 + n % 4]],
              ARRAY[1 + n % 17, 9]::smallint[]
         FROM words, generate_series($1::int, $2::int) AS n`,
      [count + 1, RESOURCES],
    );
    await client.query('ANALYZE knowledge.resource');
    console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return RESOURCES;
  } finally {
    await client.end();
  }
}

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

console.log('starting the system with npm start…');
const system = await startSystem();
try {
  const total = await seed();
  for (const variables of SEARCHES) await graphql(system.url, QUERY, variables); // warm caches, fail fast
  const latencies = [];
  let failed = 0;
  const deadline = performance.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let index = client; performance.now() < deadline; index += CLIENTS) {
        const started = performance.now();
        try {
          await graphql(system.url, QUERY, SEARCHES[index % SEARCHES.length]);
          latencies.push(performance.now() - started);
        } catch {
          failed += 1;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const p50 = percentile(latencies, 0.5).toFixed(1);
  const p95 = percentile(latencies, 0.95).toFixed(1);
  const perSecond = Math.round(latencies.length / (DURATION_MS / 1000));
  const row = [
    new Date().toISOString().slice(0, 16).replace('T', ' '),
    `\`${commit()}\``,
    `knowledge search over ${total} resources (6 queries, with facets)`,
    CLIENTS,
    perSecond,
    p50,
    p95,
    failed,
  ];
  appendFileSync(new URL('SEARCH-RESULTS.md', import.meta.url), `| ${row.join(' | ')} |\n`);
  console.log(
    `${total} resources, ${CLIENTS} clients: ${perSecond} req/s, p50 ${p50} ms, p95 ${p95} ms, ${failed} failed`,
  );
} finally {
  system.stop();
}
