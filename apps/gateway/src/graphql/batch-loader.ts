import DataLoader from 'dataloader';
import {
  MAX_BATCH_SIZE,
  type RpcRequest,
  type RpcResponse,
  type RpcSubject,
} from '#libs/contracts';
import type { CallContext, RpcClient } from '#libs/messaging';

/** Subjects whose request is a list of ids and whose answer has one item per id. */
export type BatchSubject = {
  [S in RpcSubject]: RpcRequest<S> extends { ids: string[] }
    ? RpcResponse<S> extends unknown[]
      ? S
      : never
    : never;
}[RpcSubject];

type ItemOf<S extends BatchSubject> = RpcResponse<S> extends (infer Item)[] ? Item : never;

/** A per-request DataLoader over a batch subject: one NATS request per batch of ids. */
export function batchLoader<S extends BatchSubject>(
  rpc: RpcClient,
  call: CallContext,
  subject: S,
): DataLoader<string, ItemOf<S>> {
  return new DataLoader<string, ItemOf<S>>(
    async (ids) =>
      (await rpc.request(subject, { ids: [...ids] } as RpcRequest<S>, call)) as ItemOf<S>[],
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}

/**
 * Loads an entity that a reference must resolve to (a training's work stream, an assignment's
 * agency). Its absence is a broken reference between services, answered as an internal error.
 */
export async function loadReferenced<V>(
  loader: DataLoader<string, V | null>,
  id: string,
  what: string,
): Promise<V> {
  const value = await loader.load(id);
  if (value === null || value === undefined) throw new Error(`Referenced ${what} ${id} is missing`);
  return value;
}
