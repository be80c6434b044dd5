import type DataLoader from 'dataloader';
import {
  AgencyRpc,
  EventsRpc,
  type AssignmentDto,
  type AssignmentRole,
  type FeedbackSummaryDto,
  type Page,
  type PersonDto,
  type ReachDto,
  type RegistrationDto,
  type SeriesDto,
  type SessionDto,
  type TrainingDto,
} from '#libs/contracts';
import type { CallContext, RpcClient } from '#libs/messaging';
import { batchLoader } from '../graphql/batch-loader.js';
import { loaderWithArgs } from '../graphql/loader-with-args.js';

export interface TrainingLoaders {
  trainingById: DataLoader<string, TrainingDto | null>;
  trainingsByWorkStreamId: DataLoader<string, TrainingDto[]>;
  trainingsBySeriesId: DataLoader<string, TrainingDto[]>;
  followUpsByTrainingId: DataLoader<string, TrainingDto[]>;
  sessionsByTrainingId: DataLoader<string, SessionDto[]>;
  assignmentsByTrainingId: DataLoader<string, AssignmentDto[]>;
  assignmentsByAgency: ReturnType<
    typeof loaderWithArgs<{ role?: AssignmentRole }, AssignmentDto[]>
  >;
  registrationPageByTrainingId: ReturnType<
    typeof loaderWithArgs<{ first?: number; after?: string }, Page<RegistrationDto>>
  >;
  reachByTrainingId: DataLoader<string, ReachDto>;
  reachBySeriesId: DataLoader<string, ReachDto>;
  feedbackSummaryByTrainingId: DataLoader<string, FeedbackSummaryDto>;
  seriesById: DataLoader<string, SeriesDto | null>;
  personById: DataLoader<string, PersonDto | null>;
}

export function createTrainingLoaders(rpc: RpcClient, call: CallContext): TrainingLoaders {
  return {
    trainingById: batchLoader(rpc, call, EventsRpc.trainingsByIds),
    trainingsByWorkStreamId: batchLoader(rpc, call, EventsRpc.trainingsByWorkStreamIds),
    trainingsBySeriesId: batchLoader(rpc, call, EventsRpc.trainingsBySeriesIds),
    followUpsByTrainingId: batchLoader(rpc, call, EventsRpc.followUpsByTrainingIds),
    sessionsByTrainingId: batchLoader(rpc, call, EventsRpc.sessionsByTrainingIds),
    assignmentsByTrainingId: batchLoader(rpc, call, EventsRpc.assignmentsByTrainingIds),
    reachByTrainingId: batchLoader(rpc, call, EventsRpc.reachByTrainingIds),
    reachBySeriesId: batchLoader(rpc, call, EventsRpc.reachBySeriesIds),
    feedbackSummaryByTrainingId: batchLoader(rpc, call, EventsRpc.feedbackSummariesByTrainingIds),
    seriesById: batchLoader(rpc, call, EventsRpc.seriesByIds),
    personById: batchLoader(rpc, call, AgencyRpc.peopleByIds),
    assignmentsByAgency: loaderWithArgs((agencyIds, { role }) =>
      rpc.request(EventsRpc.assignmentsByAgencyIds, { agencyIds, role }, call),
    ),
    registrationPageByTrainingId: loaderWithArgs((trainingIds, page) =>
      rpc.request(EventsRpc.registrationPages, { trainingIds, ...page }, call),
    ),
  };
}
