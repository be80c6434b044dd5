import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AssignmentRole,
  type AgencyDto,
  type AssignmentDto,
  type TrainingDto,
  type WorkStreamDto,
} from '#libs/contracts';
import { Agency } from '../agencies/agency.model.js';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { WorkStream } from '../workstreams/work-stream.model.js';
import { Assignment, Training } from './training.models.js';

@Resolver(() => WorkStream)
export class WorkStreamTrainingsResolver {
  @ResolveField(() => [Training], {
    description: 'By start; the first 100 (use trainings(filter: { workStreamId }) to page).',
  })
  trainings(
    @Parent() workStream: WorkStreamDto,
    @Context() context: GatewayContext,
  ): Promise<TrainingDto[]> {
    return context.loaders.trainingsByWorkStreamId.load(workStream.id);
  }
}

@Resolver(() => Agency)
export class AgencyAssignmentsResolver {
  @ResolveField(() => [Assignment], {
    description: 'What the agency convenes or delivers, optionally in one role.',
  })
  assignments(
    @Parent() agency: AgencyDto,
    @Context() context: GatewayContext,
    @Args('role', { type: () => AssignmentRole, nullable: true }) role?: AssignmentRole,
  ): Promise<AssignmentDto[]> {
    return context.loaders.assignmentsByAgency.load({
      id: agency.id,
      args: { role: role ?? undefined },
    });
  }
}
