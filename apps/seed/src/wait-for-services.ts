import { AgencyRpc, ErrorCode, EventsRpc, KnowledgeRpc, WorkStreamRpc } from '#libs/contracts';
import { RpcError, type CallContext, type RpcClient } from '#libs/messaging';

/** Waits until the services the seed talks to answer, for at most `timeoutMs`. */
export async function waitForServices(
  rpc: RpcClient,
  call: CallContext,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await rpc.request(AgencyRpc.list, { first: 1 }, call);
      await rpc.request(WorkStreamRpc.list, { first: 1 }, call);
      await rpc.request(EventsRpc.listTrainings, { first: 1 }, call);
      await rpc.request(KnowledgeRpc.search, { first: 1 }, call);
      return;
    } catch (error) {
      const unavailable = error instanceof RpcError && error.code === ErrorCode.ServiceUnavailable;
      if (!unavailable || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
