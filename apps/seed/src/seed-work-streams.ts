import { ErrorCode, WorkStreamRpc, type WorkStreamDto } from '#libs/contracts';
import { RpcError, type CallContext, type RpcClient } from '#libs/messaging';
import type { DemoWorkStream } from './demo-data/work-streams.js';

/** Creates the demo work streams that are missing; returns every demo work stream by number. */
export async function seedWorkStreams(
  rpc: RpcClient,
  call: CallContext,
  workStreams: DemoWorkStream[],
  agencyIds: Map<string, string>,
): Promise<{ created: number; byNumber: Map<number, WorkStreamDto> }> {
  const idOf = (acronym: string) => {
    const id = agencyIds.get(acronym);
    if (!id) throw new Error(`demo agency ${acronym} is missing`);
    return id;
  };
  const byNumber = new Map<number, WorkStreamDto>();
  let created = 0;
  for (const { convenerAcronyms, memberAcronyms, ...workStream } of workStreams) {
    let existing = await findWorkStream(rpc, call, workStream.number);
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

async function findWorkStream(
  rpc: RpcClient,
  call: CallContext,
  number: number,
): Promise<WorkStreamDto | undefined> {
  try {
    return await rpc.request(WorkStreamRpc.get, { number }, call);
  } catch (error) {
    if (error instanceof RpcError && error.code === ErrorCode.NotFound) return undefined;
    throw error;
  }
}
