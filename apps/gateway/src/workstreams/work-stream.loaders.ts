import DataLoader from 'dataloader';
import { MAX_BATCH_SIZE, WorkStreamRpc, type WorkStreamDto } from '#libs/contracts';
import type { CallContext, RpcClient } from '#libs/messaging';

export interface WorkStreamLoaders {
  workStreamById: DataLoader<string, WorkStreamDto | null>;
  workStreamsByAgencyId: DataLoader<string, WorkStreamDto[]>;
}

export function createWorkStreamLoaders(rpc: RpcClient, call: CallContext): WorkStreamLoaders {
  const options = { maxBatchSize: MAX_BATCH_SIZE };
  return {
    workStreamById: new DataLoader(
      (ids) => rpc.request(WorkStreamRpc.byIds, { ids: [...ids] }, call),
      options,
    ),
    workStreamsByAgencyId: new DataLoader(
      (agencyIds) => rpc.request(WorkStreamRpc.byAgencyIds, { agencyIds: [...agencyIds] }, call),
      options,
    ),
  };
}
