import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateWorkStreamCommand,
  GetWorkStreamQuery,
  ListWorkStreamsQuery,
  UpdateWorkStreamCommand,
  WorkStreamRpc,
  WorkStreamsByAgencyIdsQuery,
  WorkStreamsByIdsQuery,
  type RpcResponse,
} from '#libs/contracts';
import { Call, RpcController, type CallContext } from '#libs/messaging';
import { WorkStreamsService } from './work-streams.service.js';

@RpcController()
export class WorkStreamsController {
  constructor(private readonly workStreams: WorkStreamsService) {}

  @MessagePattern(WorkStreamRpc.list)
  list(@Payload() query: ListWorkStreamsQuery): Promise<RpcResponse<typeof WorkStreamRpc.list>> {
    return this.workStreams.list(query);
  }

  @MessagePattern(WorkStreamRpc.get)
  get(@Payload() query: GetWorkStreamQuery): Promise<RpcResponse<typeof WorkStreamRpc.get>> {
    return this.workStreams.get(query);
  }

  @MessagePattern(WorkStreamRpc.byIds)
  byIds(@Payload() query: WorkStreamsByIdsQuery): Promise<RpcResponse<typeof WorkStreamRpc.byIds>> {
    return this.workStreams.byIds(query.ids);
  }

  @MessagePattern(WorkStreamRpc.byAgencyIds)
  byAgencyIds(
    @Payload() query: WorkStreamsByAgencyIdsQuery,
  ): Promise<RpcResponse<typeof WorkStreamRpc.byAgencyIds>> {
    return this.workStreams.byAgencyIds(query.agencyIds);
  }

  @MessagePattern(WorkStreamRpc.create)
  create(
    @Payload() command: CreateWorkStreamCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof WorkStreamRpc.create>> {
    return this.workStreams.create(command, call);
  }

  @MessagePattern(WorkStreamRpc.update)
  update(
    @Payload() command: UpdateWorkStreamCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof WorkStreamRpc.update>> {
    return this.workStreams.update(command, call);
  }
}
