import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AssignCommand,
  AssignmentsByAgencyIdsQuery,
  EventsRpc,
  IdQuery,
  IdsQuery,
  type RpcResponse,
} from '#libs/contracts';
import { Call, RpcController, type CallContext } from '#libs/messaging';
import { AssignmentsService } from './assignments.service.js';

@RpcController()
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @MessagePattern(EventsRpc.assignmentsByTrainingIds)
  byTrainingIds(
    @Payload() query: IdsQuery,
  ): Promise<RpcResponse<typeof EventsRpc.assignmentsByTrainingIds>> {
    return this.assignments.byTrainingIds(query.ids);
  }

  @MessagePattern(EventsRpc.assignmentsByAgencyIds)
  byAgencyIds(
    @Payload() query: AssignmentsByAgencyIdsQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.assignmentsByAgencyIds>> {
    return this.assignments.byAgencyIds(query, call.caller);
  }

  @MessagePattern(EventsRpc.assign)
  assign(
    @Payload() command: AssignCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.assign>> {
    return this.assignments.assign(command, call);
  }

  @MessagePattern(EventsRpc.unassign)
  unassign(
    @Payload() command: IdQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.unassign>> {
    return this.assignments.unassign(command.id, call);
  }
}
