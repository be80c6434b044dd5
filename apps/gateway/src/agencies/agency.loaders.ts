import DataLoader from 'dataloader';
import { AgencyRpc, MAX_BATCH_SIZE, type AgencyDto, type PersonDto } from '#libs/contracts';
import type { CallContext, RpcClient } from '#libs/messaging';
import { batchLoader } from '../graphql/batch-loader.js';

/** Per-request batchers: one NATS request per field level, whatever the number of rows. */
export interface AgencyLoaders {
  agencyById: DataLoader<string, AgencyDto | null>;
  peopleByAgencyId: DataLoader<string, PersonDto[]>;
}

export function createAgencyLoaders(rpc: RpcClient, call: CallContext): AgencyLoaders {
  return {
    agencyById: batchLoader(rpc, call, AgencyRpc.byIds),
    peopleByAgencyId: new DataLoader(
      (agencyIds) => rpc.request(AgencyRpc.peopleByAgencyIds, { agencyIds: [...agencyIds] }, call),
      { maxBatchSize: MAX_BATCH_SIZE },
    ),
  };
}
