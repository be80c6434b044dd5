import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import {
  AssignmentRole,
  EventsRpc,
  TrainingStatus,
  type AssignmentDto,
  type FeedbackSummaryDto,
  type ReachDto,
  type RegistrationDto,
  type SeriesDto,
  type SessionDto,
  type TrainingDto,
  type WorkStreamDto,
} from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { toConnection, type Connection } from '../graphql/connection.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { WorkStream } from '../workstreams/work-stream.model.js';
import {
  CreateTrainingInput,
  PageArgsType,
  TrainingsArgs,
  UpdateTrainingInput,
} from './training.inputs.js';
import {
  Assignment,
  FeedbackSummary,
  Reach,
  RegistrationConnection,
  Series,
  Session,
  Training,
  TrainingConnection,
} from './training.models.js';
import { loadReferenced } from '../graphql/batch-loader.js';

@Resolver(() => Training)
export class TrainingsResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => TrainingConnection, { description: 'Trainings by start of their first session.' })
  async trainings(
    @Args() args: TrainingsArgs,
    @Context() context: GatewayContext,
  ): Promise<Connection<TrainingDto>> {
    return toConnection(
      await this.rpc.request(EventsRpc.listTrainings, { ...args }, context.call),
      args.after,
    );
  }

  @Query(() => Training, { nullable: true })
  training(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
  ): Promise<TrainingDto> {
    return this.rpc.request(EventsRpc.getTraining, { id }, context.call);
  }

  @ResolveField(() => WorkStream)
  async workStream(
    @Parent() training: TrainingDto,
    @Context() context: GatewayContext,
  ): Promise<WorkStreamDto> {
    return loadReferenced(context.loaders.workStreamById, training.workStreamId, 'work stream');
  }

  @ResolveField(() => Series, { nullable: true })
  series(
    @Parent() training: TrainingDto,
    @Context() context: GatewayContext,
  ): Promise<SeriesDto | null> | null {
    return training.seriesId ? context.loaders.seriesById.load(training.seriesId) : null;
  }

  @ResolveField(() => Training, {
    nullable: true,
    description: 'The earlier training this one follows.',
  })
  follows(
    @Parent() training: TrainingDto,
    @Context() context: GatewayContext,
  ): Promise<TrainingDto | null> | null {
    return training.followsId ? context.loaders.trainingById.load(training.followsId) : null;
  }

  @ResolveField(() => [Training], { description: 'Trainings that follow this one.' })
  followUps(
    @Parent() training: TrainingDto,
    @Context() context: GatewayContext,
  ): Promise<TrainingDto[]> {
    return context.loaders.followUpsByTrainingId.load(training.id);
  }

  @ResolveField(() => [Session], { description: 'By start time.' })
  sessions(
    @Parent() training: TrainingDto,
    @Context() context: GatewayContext,
  ): Promise<SessionDto[]> {
    return context.loaders.sessionsByTrainingId.load(training.id);
  }

  @ResolveField(() => [Assignment], { description: 'Who convenes and who delivers the training.' })
  async assignments(
    @Parent() training: TrainingDto,
    @Context() context: GatewayContext,
    @Args('role', { type: () => AssignmentRole, nullable: true }) role?: AssignmentRole,
  ): Promise<AssignmentDto[]> {
    const assignments = await context.loaders.assignmentsByTrainingId.load(training.id);
    return role ? assignments.filter((assignment) => assignment.role === role) : assignments;
  }

  @ResolveField(() => RegistrationConnection, {
    description:
      'By registration time. Open to every caller; participants’ names, organizations and emails only to admins and conveners of the training’s work stream (see `Registration.personalDataWithheld`).',
  })
  async registrations(
    @Parent() training: TrainingDto,
    @Args() page: PageArgsType,
    @Context() context: GatewayContext,
  ): Promise<Connection<RegistrationDto>> {
    const args = { first: page.first ?? undefined, after: page.after ?? undefined };
    return toConnection(
      await context.loaders.registrationPageByTrainingId.load({ id: training.id, args }),
      page.after,
    );
  }

  @ResolveField(() => Reach, { description: 'Aggregates only; open to every caller.' })
  reach(@Parent() training: TrainingDto, @Context() context: GatewayContext): Promise<ReachDto> {
    return context.loaders.reachByTrainingId.load(training.id);
  }

  @ResolveField(() => FeedbackSummary)
  feedbackSummary(
    @Parent() training: TrainingDto,
    @Context() context: GatewayContext,
  ): Promise<FeedbackSummaryDto> {
    return context.loaders.feedbackSummaryByTrainingId.load(training.id);
  }

  @Mutation(() => Training, { description: 'Creates a training in DRAFT.' })
  createTraining(
    @Args('input') input: CreateTrainingInput,
    @Context() context: GatewayContext,
  ): Promise<TrainingDto> {
    return this.rpc.request(EventsRpc.createTraining, { ...input }, context.call);
  }

  @Mutation(() => Training)
  updateTraining(
    @Args('input') input: UpdateTrainingInput,
    @Context() context: GatewayContext,
  ): Promise<TrainingDto> {
    return this.rpc.request(EventsRpc.updateTraining, { ...input }, context.call);
  }

  @Mutation(() => Training, {
    description: 'DRAFT → SCHEDULED; needs a convener, a trainer and a session.',
  })
  scheduleTraining(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion?: number,
  ): Promise<TrainingDto> {
    return this.transition(id, TrainingStatus.SCHEDULED, expectedVersion, context);
  }

  @Mutation(() => Training, { description: 'SCHEDULED → IN_PROGRESS.' })
  startTraining(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion?: number,
  ): Promise<TrainingDto> {
    return this.transition(id, TrainingStatus.IN_PROGRESS, expectedVersion, context);
  }

  @Mutation(() => Training, {
    description: 'IN_PROGRESS → COMPLETED, once the last session has ended.',
  })
  completeTraining(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion?: number,
  ): Promise<TrainingDto> {
    return this.transition(id, TrainingStatus.COMPLETED, expectedVersion, context);
  }

  @Mutation(() => Training, {
    description: 'Cancels a training that is not completed; nothing changes after.',
  })
  cancelTraining(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion?: number,
  ): Promise<TrainingDto> {
    return this.transition(id, TrainingStatus.CANCELLED, expectedVersion, context);
  }

  private transition(
    id: string,
    status: TrainingStatus,
    expectedVersion: number | undefined,
    context: GatewayContext,
  ): Promise<TrainingDto> {
    return this.rpc.request(
      EventsRpc.transitionTraining,
      { id, status, expectedVersion: expectedVersion ?? undefined },
      context.call,
    );
  }
}
