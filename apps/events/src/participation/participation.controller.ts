import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  EventsRpc,
  IdsQuery,
  RecordAttendanceCommand,
  RegisterParticipantCommand,
  RegistrationPagesQuery,
  SubmitFeedbackCommand,
  DEFAULT_PAGE_SIZE,
  type RpcResponse,
} from '#libs/contracts';
import { Call, RpcController, type CallContext } from '#libs/messaging';
import { ParticipationQueries } from './participation.queries.js';
import { ParticipationService } from './participation.service.js';

@RpcController()
export class ParticipationController {
  constructor(
    private readonly participation: ParticipationService,
    private readonly queries: ParticipationQueries,
  ) {}

  @MessagePattern(EventsRpc.registrationPages)
  registrationPages(
    @Payload() query: RegistrationPagesQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.registrationPages>> {
    return this.queries.registrationPages(
      call.caller,
      query.trainingIds,
      query.first ?? DEFAULT_PAGE_SIZE,
      query.after ?? undefined,
    );
  }

  @MessagePattern(EventsRpc.reachByTrainingIds)
  reachOfTrainings(
    @Payload() query: IdsQuery,
  ): Promise<RpcResponse<typeof EventsRpc.reachByTrainingIds>> {
    return this.queries.reachOfTrainings(query.ids);
  }

  @MessagePattern(EventsRpc.reachBySeriesIds)
  reachOfSeries(
    @Payload() query: IdsQuery,
  ): Promise<RpcResponse<typeof EventsRpc.reachBySeriesIds>> {
    return this.queries.reachOfSeries(query.ids);
  }

  @MessagePattern(EventsRpc.feedbackSummariesByTrainingIds)
  feedbackSummaries(
    @Payload() query: IdsQuery,
  ): Promise<RpcResponse<typeof EventsRpc.feedbackSummariesByTrainingIds>> {
    return this.queries.feedbackSummaries(query.ids);
  }

  @MessagePattern(EventsRpc.register)
  register(
    @Payload() command: RegisterParticipantCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.register>> {
    return this.participation.register(command, call);
  }

  @MessagePattern(EventsRpc.recordAttendance)
  recordAttendance(
    @Payload() command: RecordAttendanceCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.recordAttendance>> {
    return this.participation.recordAttendance(command, call);
  }

  @MessagePattern(EventsRpc.submitFeedback)
  submitFeedback(
    @Payload() command: SubmitFeedbackCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.submitFeedback>> {
    return this.participation.submitFeedback(command, call);
  }
}
