import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AuditLogQuery,
  AuditRpc,
  DEFAULT_PAGE_SIZE,
  ErrorCode,
  type RpcResponse,
} from '#libs/contracts';
import { Call, RpcController, RpcError, type CallContext } from '#libs/messaging';
import { toPage } from '#libs/persistence';
import { AuditLogRepository } from './audit-log.repository.js';

@RpcController()
export class AuditLogController {
  constructor(private readonly entries: AuditLogRepository) {}

  /** Admins only, whoever forwards the request: the log names every actor and object. */
  @MessagePattern(AuditRpc.list)
  async list(
    @Payload() query: AuditLogQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof AuditRpc.list>> {
    if (!call.caller.roles.includes('admin')) {
      throw new RpcError(ErrorCode.Forbidden, 'The audit log is open to admins only');
    }
    const page = await this.entries.list(
      query.filter ?? {},
      query.first ?? DEFAULT_PAGE_SIZE,
      query.after ?? undefined,
    );
    return toPage(
      page,
      (row) => [row.occurredAt.toISOString(), row.eventId],
      (row) => ({ ...row, occurredAt: row.occurredAt.toISOString() }),
    );
  }
}
