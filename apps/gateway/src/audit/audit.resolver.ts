import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { AuditRpc, type AuditEntryDto } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { toConnection, type Connection } from '../graphql/connection.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { AuditLogArgs } from './audit.inputs.js';
import { AuditEntry, AuditEntryConnection } from './audit.models.js';

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => AuditEntryConnection, {
    description:
      'Every change, newest first: who did what to which object and when. Admins only; FORBIDDEN for everyone else.',
  })
  async auditLog(
    @Args() args: AuditLogArgs,
    @Context() context: GatewayContext,
  ): Promise<Connection<AuditEntryDto>> {
    return toConnection(
      await this.rpc.request(AuditRpc.list, { ...args }, context.call),
      args.after,
    );
  }
}
