import { EventsRpc, KnowledgeRpc, type WorkStreamDto } from '#libs/contracts';
import type { CallContext, RpcClient } from '#libs/messaging';
import { PILOT_MATERIALS } from './demo-data/pilot-materials.js';
import { PILOT_TRAININGS } from './demo-data/pilot-series.js';
import { agencyIdLookup } from './lookups.js';

/** Publishes the pilot series' materials that are missing, linked to their trainings and sessions. */
export async function seedKnowledge(
  rpc: RpcClient,
  call: CallContext,
  workStream: WorkStreamDto,
  agencyIds: Map<string, string>,
): Promise<{ published: number }> {
  const existing = await rpc.request(
    KnowledgeRpc.search,
    { filter: { workStreamId: workStream.id }, first: 100 },
    call,
  );
  const titles = new Set(existing.edges.map((edge) => edge.node.title));
  const trainings = await rpc.request(
    EventsRpc.listTrainings,
    { filter: { workStreamId: workStream.id }, first: 100 },
    call,
  );
  const pilot = PILOT_TRAININGS.map(
    (demo) => trainings.edges.find((edge) => edge.node.title === demo.title)?.node,
  );
  const sessions = await rpc.request(
    EventsRpc.sessionsByTrainingIds,
    { ids: pilot.flatMap((training) => (training ? [training.id] : [])) },
    call,
  );
  let published = 0;
  for (const { training, agencies, ...material } of PILOT_MATERIALS.filter(
    (candidate) => !titles.has(candidate.title),
  )) {
    const linked = training === undefined ? undefined : pilot[training];
    await rpc.request(
      KnowledgeRpc.publish,
      {
        ...material,
        language: 'en',
        workStreamId: workStream.id,
        agencyIds: agencies.map(agencyIdLookup(agencyIds)),
        trainingIds: linked ? [linked.id] : [],
        sessionIds: linked
          ? sessions
              .flat()
              .filter((session) => session.trainingId === linked.id)
              .map((session) => session.id)
          : [],
      },
      call,
    );
    published += 1;
  }
  return { published };
}
