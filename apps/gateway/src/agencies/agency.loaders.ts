import DataLoader from 'dataloader';
import { AgencyRpc, MAX_BATCH_SIZE, type AgencyDto, type PersonDto } from '#libs/contracts';
import type { CallContext, RpcClient } from '#libs/messaging';

/** Per-request batchers: one NATS request per field level, whatever the number of rows. */
export interface AgencyLoaders {
  agencyById: DataLoader<string, AgencyDto | null>;
  peopleByAgencyId: DataLoader<string, PersonDto[]>;
}

export function createAgencyLoaders(rpc: RpcClient, call: CallContext): AgencyLoaders {
  const options = { maxBatchSize: MAX_BATCH_SIZE };
  return {
    agencyById: new DataLoader(
      (ids) => rpc.request(AgencyRpc.byIds, { ids: [...ids] }, call),
      options,
    ),
    peopleByAgencyId: new DataLoader(
      (agencyIds) => rpc.request(AgencyRpc.peopleByAgencyIds, { agencyIds: [...agencyIds] }, call),
      options,
    ),
  };
}
