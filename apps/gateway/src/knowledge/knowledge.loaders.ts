import type DataLoader from 'dataloader';
import { KnowledgeRpc, type KnowledgeResourceDto } from '#libs/contracts';
import type { CallContext, RpcClient } from '#libs/messaging';
import { batchLoader } from '../graphql/batch-loader.js';

export interface KnowledgeLoaders {
  resourcesByTrainingId: DataLoader<string, KnowledgeResourceDto[]>;
  resourcesByWorkStreamId: DataLoader<string, KnowledgeResourceDto[]>;
  resourcesByAgencyId: DataLoader<string, KnowledgeResourceDto[]>;
}

export function createKnowledgeLoaders(rpc: RpcClient, call: CallContext): KnowledgeLoaders {
  return {
    resourcesByTrainingId: batchLoader(rpc, call, KnowledgeRpc.byTrainingIds),
    resourcesByWorkStreamId: batchLoader(rpc, call, KnowledgeRpc.byWorkStreamIds),
    resourcesByAgencyId: batchLoader(rpc, call, KnowledgeRpc.byAgencyIds),
  };
}
