import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AgenciesByIdsQuery,
  AgencyRpc,
  ArchiveAgencyCommand,
  CreateAgencyCommand,
  GetAgencyQuery,
  ListAgenciesQuery,
  UpdateAgencyCommand,
  type RpcResponse,
} from '#libs/contracts';
import { Call, RpcController, type CallContext } from '#libs/messaging';
import { AgenciesService } from './agencies.service.js';

@RpcController()
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @MessagePattern(AgencyRpc.list)
  list(@Payload() query: ListAgenciesQuery): Promise<RpcResponse<typeof AgencyRpc.list>> {
    return this.agencies.list(query);
  }

  @MessagePattern(AgencyRpc.get)
  get(@Payload() query: GetAgencyQuery): Promise<RpcResponse<typeof AgencyRpc.get>> {
    return this.agencies.get(query);
  }

  @MessagePattern(AgencyRpc.byIds)
  byIds(@Payload() query: AgenciesByIdsQuery): Promise<RpcResponse<typeof AgencyRpc.byIds>> {
    return this.agencies.byIds(query.ids);
  }

  @MessagePattern(AgencyRpc.create)
  create(
    @Payload() command: CreateAgencyCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof AgencyRpc.create>> {
    return this.agencies.create(command, call);
  }

  @MessagePattern(AgencyRpc.update)
  update(
    @Payload() command: UpdateAgencyCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof AgencyRpc.update>> {
    return this.agencies.update(command, call);
  }

  @MessagePattern(AgencyRpc.archive)
  archive(
    @Payload() command: ArchiveAgencyCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof AgencyRpc.archive>> {
    return this.agencies.archive(command, call);
  }
}
