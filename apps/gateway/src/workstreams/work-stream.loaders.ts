import DataLoader from 'dataloader';
import { MAX_BATCH_SIZE, WorkStreamRpc, type WorkStreamDto } from '#libs/contracts';
import type { CallContext, RpcClient } from '#libs/messaging';
import { batchLoader } from '../graphql/batch-loader.js';

export interface WorkStreamLoaders {
  workStreamById: DataLoader<string, WorkStreamDto | null>;
  workStreamsByAgencyId: DataLoader<string, WorkStreamDto[]>;
}

export function createWorkStreamLoaders(rpc: RpcClient, call: CallContext): WorkStreamLoaders {
  return {
    workStreamById: batchLoader(rpc, call, WorkStreamRpc.byIds),
    workStreamsByAgencyId: new DataLoader(
      (agencyIds) => rpc.request(WorkStreamRpc.byAgencyIds, { agencyIds: [...agencyIds] }, call),
      { maxBatchSize: MAX_BATCH_SIZE },
    ),
  };
}
