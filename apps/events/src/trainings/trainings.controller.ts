import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateTrainingCommand,
  EventsRpc,
  IdQuery,
  IdsQuery,
  ListTrainingsQuery,
  TransitionTrainingCommand,
  UpdateTrainingCommand,
  type RpcResponse,
} from '#libs/contracts';
import { Call, RpcController, type CallContext } from '#libs/messaging';
import { TrainingsService } from './trainings.service.js';

@RpcController()
export class TrainingsController {
  constructor(private readonly trainings: TrainingsService) {}

  @MessagePattern(EventsRpc.listTrainings)
  list(
    @Payload() query: ListTrainingsQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.listTrainings>> {
    return this.trainings.list(query, call.caller);
  }

  @MessagePattern(EventsRpc.getTraining)
  get(
    @Payload() query: IdQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.getTraining>> {
    return this.trainings.get(query.id, call.caller);
  }

  @MessagePattern(EventsRpc.trainingsByIds)
  byIds(
    @Payload() query: IdsQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.trainingsByIds>> {
    return this.trainings.byIds(query.ids, call.caller);
  }

  @MessagePattern(EventsRpc.trainingsByWorkStreamIds)
  byWorkStreamIds(
    @Payload() query: IdsQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.trainingsByWorkStreamIds>> {
    return this.trainings.byWorkStreamIds(query.ids, call.caller);
  }

  @MessagePattern(EventsRpc.trainingsBySeriesIds)
  bySeriesIds(
    @Payload() query: IdsQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.trainingsBySeriesIds>> {
    return this.trainings.bySeriesIds(query.ids, call.caller);
  }

  @MessagePattern(EventsRpc.followUpsByTrainingIds)
  followUps(
    @Payload() query: IdsQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.followUpsByTrainingIds>> {
    return this.trainings.followUpsOf(query.ids, call.caller);
  }

  @MessagePattern(EventsRpc.createTraining)
  create(
    @Payload() command: CreateTrainingCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.createTraining>> {
    return this.trainings.create(command, call);
  }

  @MessagePattern(EventsRpc.updateTraining)
  update(
    @Payload() command: UpdateTrainingCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.updateTraining>> {
    return this.trainings.update(command, call);
  }

  @MessagePattern(EventsRpc.transitionTraining)
  transition(
    @Payload() command: TransitionTrainingCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.transitionTraining>> {
    return this.trainings.transition(command, call);
  }
}
