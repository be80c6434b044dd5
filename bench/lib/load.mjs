// One scenario under load: autocannon POSTing one GraphQL query, after a warm-up.
import autocannon from 'autocannon';
import { requestHeaders } from './system.mjs';

/** The gateway's NATS requests for one answer of `query`, read from its metrics. */
export async function natsRequestsPerQuery(system, query) {
  const count = async () => {
    const text = await (await fetch(system.metricsUrl)).text();
    return text
      .split('\n')
      .filter((line) => line.startsWith('convene_nats_requests_total{'))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  };
  const before = await count();
  await fetch(system.url, {
    method: 'POST',
    headers: requestHeaders(),
    body: JSON.stringify({ query }),
  });
  return (await count()) - before;
}

export async function measure(
  system,
  { name, query, natsRequests, connections, durationSeconds, warmupSeconds = 5 },
) {
  const request = {
    url: system.url,
    method: 'POST',
    headers: requestHeaders(),
    body: JSON.stringify({ query }),
    connections,
  };
  await autocannon({ ...request, duration: warmupSeconds });
  const result = await autocannon({ ...request, duration: durationSeconds });
  return {
    name,
    connections,
    natsRequests,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
  };
}
