import { Args, Context, ID, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { DOMAIN_EVENT_TYPES, type TrainingDto } from '#libs/contracts';
import {
  RpcClient,
  RpcError,
  type DomainEventEnvelope,
  type DomainEventSubscription,
} from '#libs/messaging';
import { createGatewayLoaders, type GatewayContext } from '../graphql/gateway-context.js';
import { Training } from '../trainings/training.models.js';
import {
  DomainEvent,
  DomainEventFilterInput,
  DomainEventsArgs,
  TrainingChange,
  TrainingChangedArgs,
  toDomainEventModel,
} from './domain-event.models.js';
import { TRAINING_CHANGE_TYPES } from './event-filter.js';
import { eventAudienceOf, trainingAudienceOf } from './event-audience.js';
import { EventSubscriptions } from './event-subscriptions.js';
import { validArgs } from './validate-args.js';

@Resolver()
export class DomainEventsResolver {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly rpc: RpcClient,
  ) {}

  @Subscription(() => DomainEvent, {
    description:
      'Every change as it commits, from the domain-event stream. With `after` (the id of the last event received) it first sends, in order, every matching event since.',
    resolve: (event: DomainEventEnvelope) => toDomainEventModel(event),
  })
  async domainEvents(
    @Args('filter', { type: () => DomainEventFilterInput, nullable: true })
    filter: DomainEventFilterInput | null,
    @Args('after', { type: () => ID, nullable: true }) after: string | null,
    @Context() context: GatewayContext,
  ): Promise<DomainEventSubscription> {
    const args = await validArgs(DomainEventsArgs, { filter: filter ?? undefined, after });
    const audience = eventAudienceOf(
      context.call.caller,
      args.filter?.types?.length ? args.filter.types : DOMAIN_EVENT_TYPES,
    );
    return this.subscriptions.open(
      {
        types: audience.types,
        workStreamId: args.filter?.workStreamId,
        trainingId: args.filter?.trainingId,
      },
      args.after,
      audience.accepts,
    );
  }

  @Subscription(() => TrainingChange, {
    description:
      'Whenever anything about this training changes: itself, its sessions, assignments, registrations, attendance, feedback or linked materials. `after` resumes as in domainEvents.',
    resolve(
      this: DomainEventsResolver,
      event: DomainEventEnvelope,
      args: { id: string },
      context: GatewayContext,
    ): TrainingChange {
      // One subscription sends many events through one context: each gets loaders of its own.
      context.loaders = createGatewayLoaders(this.rpc, context.call);
      return { event: toDomainEventModel(event), trainingId: args.id };
    },
  })
  async trainingChanged(
    @Args('id', { type: () => ID }) id: string,
    @Args('after', { type: () => ID, nullable: true }) after: string | null,
    @Context() context: GatewayContext,
  ): Promise<DomainEventSubscription> {
    const args = await validArgs(TrainingChangedArgs, { id, after });
    const training = await context.loaders.trainingById.load(args.id);
    if (!training) throw RpcError.notFound('Training', args.id);
    return this.subscriptions.open(
      {
        types: trainingAudienceOf(context.call.caller, TRAINING_CHANGE_TYPES),
        trainingId: training.id,
      },
      args.after,
    );
  }
}

@Resolver(() => TrainingChange)
export class TrainingChangeResolver {
  @ResolveField(() => Training, {
    nullable: true,
    description: 'The training as it is when this change is sent (it may include later changes).',
  })
  training(
    @Parent() change: TrainingChange,
    @Context() context: GatewayContext,
  ): Promise<TrainingDto | null> {
    return context.loaders.trainingById.load(change.trainingId);
  }
}
