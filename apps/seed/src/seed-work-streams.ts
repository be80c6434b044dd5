import { WorkStreamRpc, type WorkStreamDto } from '#libs/contracts';
import type { CallContext, RpcClient } from '#libs/messaging';
import type { DemoWorkStream } from './demo-data/work-streams.js';
import { agencyIdLookup, foundOrUndefined } from './lookups.js';

/** Creates the demo work streams that are missing; returns every demo work stream by number. */
export async function seedWorkStreams(
  rpc: RpcClient,
  call: CallContext,
  workStreams: DemoWorkStream[],
  agencyIds: Map<string, string>,
): Promise<{ created: number; byNumber: Map<number, WorkStreamDto> }> {
  const idOf = agencyIdLookup(agencyIds);
  const byNumber = new Map<number, WorkStreamDto>();
  let created = 0;
  for (const { convenerAcronyms, memberAcronyms, ...workStream } of workStreams) {
    let existing = await foundOrUndefined(
      rpc.request(WorkStreamRpc.get, { number: workStream.number }, call),
    );
    if (!existing) {
      existing = await rpc.request(
        WorkStreamRpc.create,
        {
          ...workStream,
          convenerAgencyIds: convenerAcronyms.map(idOf),
          memberAgencyIds: memberAcronyms.map(idOf),
        },
        call,
      );
      created += 1;
    }
    byNumber.set(existing.number, existing);
  }
  return { created, byNumber };
}
