import 'reflect-metadata';
import { loadConfig, NatsConfig } from '#libs/config';
import { newCallContext, RpcClient, SYSTEM_CALLER } from '#libs/messaging';
import { runMain } from '#libs/observability';
import { DEMO_AGENCIES } from './demo-data/agencies.js';
import { DEMO_WORK_STREAMS } from './demo-data/work-streams.js';
import { seedAgencies } from './seed-agencies.js';
import { seedKnowledge } from './seed-knowledge.js';
import { seedPilotSeries } from './seed-pilot-series.js';
import { seedWorkStreams } from './seed-work-streams.js';
import { waitForServices } from './wait-for-services.js';

const SERVICES_READY_TIMEOUT_MS = 60_000;

await runMain('seed', async () => {
  const config = loadConfig(NatsConfig);
  const rpc = await RpcClient.connect({
    url: config.NATS_URL,
    name: 'seed',
    timeoutMs: config.RPC_TIMEOUT_MS,
    callerSigningSecret: config.CALLER_SIGNING_SECRET,
  });
  try {
    const call = newCallContext(SYSTEM_CALLER);
    await waitForServices(rpc, call, SERVICES_READY_TIMEOUT_MS);
    const agencies = await seedAgencies(rpc, call, DEMO_AGENCIES);
    const workStreams = await seedWorkStreams(rpc, call, DEMO_WORK_STREAMS, agencies.ids);
    const workStream6 = workStreams.byNumber.get(6);
    if (!workStream6) throw new Error('Work Stream 6 is missing from the demo data');
    const pilot = await seedPilotSeries(rpc, call, workStream6, agencies.ids);
    const knowledge = await seedKnowledge(rpc, call, workStream6, agencies.ids);
    return (
      `demo data in place: ${agencies.agenciesCreated} agencies created, ${agencies.peopleAdded} people added, ` +
      `${workStreams.created} work streams created, pilot series ${pilot.created ? 'created' : 'already there'}, ` +
      `${knowledge.published} resources published`
    );
  } finally {
    await rpc.close();
  }
});
