import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddSessionCommand,
  EventsRpc,
  IdQuery,
  IdsQuery,
  UpdateSessionCommand,
  type RpcResponse,
} from '#libs/contracts';
import { Call, RpcController, type CallContext } from '#libs/messaging';
import { SessionsService } from './sessions.service.js';

@RpcController()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @MessagePattern(EventsRpc.sessionsByTrainingIds)
  byTrainingIds(
    @Payload() query: IdsQuery,
  ): Promise<RpcResponse<typeof EventsRpc.sessionsByTrainingIds>> {
    return this.sessions.byTrainingIds(query.ids);
  }

  @MessagePattern(EventsRpc.addSession)
  add(
    @Payload() command: AddSessionCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.addSession>> {
    return this.sessions.add(command, call);
  }

  @MessagePattern(EventsRpc.updateSession)
  update(
    @Payload() command: UpdateSessionCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.updateSession>> {
    return this.sessions.update(command, call);
  }

  @MessagePattern(EventsRpc.removeSession)
  remove(
    @Payload() command: IdQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.removeSession>> {
    return this.sessions.remove(command.id, call);
  }
}
