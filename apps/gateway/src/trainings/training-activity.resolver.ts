import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  EventsRpc,
  type AgencyDto,
  type AssignmentDto,
  type FeedbackDto,
  type PersonDto,
  type RegistrationDto,
  type SessionDto,
  type TrainingDto,
} from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { Agency } from '../agencies/agency.model.js';
import { Person } from '../agencies/person.model.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import {
  AddSessionInput,
  AssignInput,
  RecordAttendanceInput,
  RegisterParticipantInput,
  SubmitFeedbackInput,
  UpdateSessionInput,
} from './training.inputs.js';
import { Assignment, Feedback, Registration, Session, Training } from './training.models.js';
import { loadReferenced } from '../graphql/batch-loader.js';

/** What a convener records around a training: sessions, assignments, participants, feedback. */
@Resolver(() => Assignment)
export class TrainingActivityResolver {
  constructor(private readonly rpc: RpcClient) {}

  @ResolveField(() => Agency)
  async agency(
    @Parent() assignment: AssignmentDto,
    @Context() context: GatewayContext,
  ): Promise<AgencyDto> {
    return loadReferenced(context.loaders.agencyById, assignment.agencyId, 'agency');
  }

  @ResolveField(() => Person, { nullable: true })
  person(
    @Parent() assignment: AssignmentDto,
    @Context() context: GatewayContext,
  ): Promise<PersonDto | null> | null {
    return assignment.personId ? context.loaders.personById.load(assignment.personId) : null;
  }

  @ResolveField(() => Training)
  async training(
    @Parent() assignment: AssignmentDto,
    @Context() context: GatewayContext,
  ): Promise<TrainingDto> {
    return loadReferenced(context.loaders.trainingById, assignment.trainingId, 'training');
  }

  @Mutation(() => Session, {
    description: 'Adds a session; sessions of a training may not overlap.',
  })
  addSession(
    @Args('input') input: AddSessionInput,
    @Context() context: GatewayContext,
  ): Promise<SessionDto> {
    return this.rpc.request(EventsRpc.addSession, { ...input }, context.call);
  }

  @Mutation(() => Session)
  updateSession(
    @Args('input') input: UpdateSessionInput,
    @Context() context: GatewayContext,
  ): Promise<SessionDto> {
    return this.rpc.request(EventsRpc.updateSession, { ...input }, context.call);
  }

  @Mutation(() => Session)
  removeSession(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
  ): Promise<SessionDto> {
    return this.rpc.request(EventsRpc.removeSession, { id }, context.call);
  }

  @Mutation(() => Assignment, {
    description: 'Assigns an agency (and optionally one of its people) a role.',
  })
  assign(
    @Args('input') input: AssignInput,
    @Context() context: GatewayContext,
  ): Promise<AssignmentDto> {
    return this.rpc.request(EventsRpc.assign, { ...input }, context.call);
  }

  @Mutation(() => Assignment)
  unassign(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GatewayContext,
  ): Promise<AssignmentDto> {
    return this.rpc.request(EventsRpc.unassign, { id }, context.call);
  }

  @Mutation(() => Registration, {
    description: "Registers a participant, within the training's capacity.",
  })
  registerParticipant(
    @Args('input') input: RegisterParticipantInput,
    @Context() context: GatewayContext,
  ): Promise<RegistrationDto> {
    return this.rpc.request(EventsRpc.register, { ...input }, context.call);
  }

  @Mutation(() => Registration)
  recordAttendance(
    @Args('input') input: RecordAttendanceInput,
    @Context() context: GatewayContext,
  ): Promise<RegistrationDto> {
    return this.rpc.request(EventsRpc.recordAttendance, { ...input }, context.call);
  }

  @Mutation(() => Feedback)
  submitFeedback(
    @Args('input') input: SubmitFeedbackInput,
    @Context() context: GatewayContext,
  ): Promise<FeedbackDto> {
    return this.rpc.request(EventsRpc.submitFeedback, { ...input }, context.call);
  }
}
