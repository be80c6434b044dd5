import type { AuditEntryDto, AuditLogQuery } from './audit/audit.contracts.js';
import type {
  AgenciesByIdsQuery,
  AgencyDto,
  ArchiveAgencyCommand,
  CreateAgencyCommand,
  GetAgencyQuery,
  ListAgenciesQuery,
  UpdateAgencyCommand,
} from './agencies/agency.contracts.js';
import type {
  AddPersonCommand,
  PeopleByAgencyIdsQuery,
  PeopleByIdsQuery,
  PersonDto,
  RemovePersonCommand,
  UpdatePersonCommand,
} from './agencies/person.contracts.js';
import type {
  AssignCommand,
  AssignmentDto,
  AssignmentsByAgencyIdsQuery,
} from './events/assignment.contracts.js';
import type {
  FeedbackDto,
  FeedbackSummaryDto,
  ReachDto,
  RecordAttendanceCommand,
  RegisterParticipantCommand,
  RegistrationDto,
  RegistrationPagesQuery,
  SubmitFeedbackCommand,
} from './events/participation.contracts.js';
import type { CreateSeriesCommand, SeriesDto } from './events/series.contracts.js';
import type {
  AddSessionCommand,
  SessionDto,
  UpdateSessionCommand,
} from './events/session.contracts.js';
import type {
  CreateTrainingCommand,
  IdQuery,
  IdsQuery,
  ListTrainingsQuery,
  TrainingDto,
  TransitionTrainingCommand,
  UpdateTrainingCommand,
} from './events/training.contracts.js';
import type {
  KnowledgeResourceDto,
  LinkResourceCommand,
  PublishResourceCommand,
  ResourceSearchResult,
  SearchResourcesQuery,
  UpdateResourceCommand,
} from './knowledge/knowledge.contracts.js';
import type {
  ApiKeyDto,
  CreateApiKeyCommand,
  CreatedApiKeyDto,
  ListApiKeysQuery,
  RevokeApiKeyCommand,
  VerifiedApiKeyDto,
  VerifyApiKeyQuery,
} from './identity/api-key.contracts.js';
import type { Page } from './pagination.js';
import type {
  ListWebhookEndpointsQuery,
  RegisterWebhookEndpointCommand,
  WebhookDeliveryDto,
  WebhookDeliveryPagesQuery,
  WebhookEndpointDto,
  WebhookEndpointWithSecretDto,
} from './webhooks/webhook.contracts.js';
import type {
  CreateWorkStreamCommand,
  GetWorkStreamQuery,
  ListWorkStreamsQuery,
  UpdateWorkStreamCommand,
  WorkStreamDto,
  WorkStreamsByAgencyIdsQuery,
  WorkStreamsByIdsQuery,
} from './workstreams/work-stream.contracts.js';

/**
 * Request/reply subjects, one per operation. They live outside the `convene.>`
 * namespace that the domain-event stream captures, so requests are never stored.
 */
export const AgencyRpc = {
  list: 'rpc.agencies.agency.list',
  get: 'rpc.agencies.agency.get',
  byIds: 'rpc.agencies.agency.byIds',
  create: 'rpc.agencies.agency.create',
  update: 'rpc.agencies.agency.update',
  archive: 'rpc.agencies.agency.archive',
  peopleByAgencyIds: 'rpc.agencies.person.byAgencyIds',
  peopleByIds: 'rpc.agencies.person.byIds',
  addPerson: 'rpc.agencies.person.add',
  updatePerson: 'rpc.agencies.person.update',
  removePerson: 'rpc.agencies.person.remove',
} as const;

export const WorkStreamRpc = {
  list: 'rpc.workstreams.workstream.list',
  get: 'rpc.workstreams.workstream.get',
  byIds: 'rpc.workstreams.workstream.byIds',
  byAgencyIds: 'rpc.workstreams.workstream.byAgencyIds',
  create: 'rpc.workstreams.workstream.create',
  update: 'rpc.workstreams.workstream.update',
} as const;

/** The events service: trainings and everything that happens around them. */
export const EventsRpc = {
  listTrainings: 'rpc.events.training.list',
  getTraining: 'rpc.events.training.get',
  trainingsByIds: 'rpc.events.training.byIds',
  trainingsByWorkStreamIds: 'rpc.events.training.byWorkStreamIds',
  trainingsBySeriesIds: 'rpc.events.training.bySeriesIds',
  followUpsByTrainingIds: 'rpc.events.training.followUpsByIds',
  createTraining: 'rpc.events.training.create',
  updateTraining: 'rpc.events.training.update',
  transitionTraining: 'rpc.events.training.transition',
  sessionsByTrainingIds: 'rpc.events.session.byTrainingIds',
  addSession: 'rpc.events.session.add',
  updateSession: 'rpc.events.session.update',
  removeSession: 'rpc.events.session.remove',
  assignmentsByTrainingIds: 'rpc.events.assignment.byTrainingIds',
  assignmentsByAgencyIds: 'rpc.events.assignment.byAgencyIds',
  assign: 'rpc.events.assignment.add',
  unassign: 'rpc.events.assignment.remove',
  registrationPages: 'rpc.events.registration.pages',
  register: 'rpc.events.registration.add',
  recordAttendance: 'rpc.events.registration.attendance',
  submitFeedback: 'rpc.events.feedback.add',
  feedbackSummariesByTrainingIds: 'rpc.events.feedback.summaryByTrainingIds',
  reachByTrainingIds: 'rpc.events.reach.byTrainingIds',
  reachBySeriesIds: 'rpc.events.reach.bySeriesIds',
  getSeries: 'rpc.events.series.get',
  seriesByIds: 'rpc.events.series.byIds',
  createSeries: 'rpc.events.series.create',
} as const;

/** The knowledge service: resources, findable by full-text search. */
export const KnowledgeRpc = {
  search: 'rpc.knowledge.resource.search',
  get: 'rpc.knowledge.resource.get',
  byIds: 'rpc.knowledge.resource.byIds',
  byTrainingIds: 'rpc.knowledge.resource.byTrainingIds',
  byWorkStreamIds: 'rpc.knowledge.resource.byWorkStreamIds',
  byAgencyIds: 'rpc.knowledge.resource.byAgencyIds',
  publish: 'rpc.knowledge.resource.publish',
  update: 'rpc.knowledge.resource.update',
  link: 'rpc.knowledge.resource.link',
  unlink: 'rpc.knowledge.resource.unlink',
  archive: 'rpc.knowledge.resource.archive',
} as const;

/** The webhooks service: endpoints integrations register, and the log of deliveries to them. */
export const WebhookRpc = {
  listEndpoints: 'rpc.webhooks.endpoint.list',
  getEndpoint: 'rpc.webhooks.endpoint.get',
  registerEndpoint: 'rpc.webhooks.endpoint.register',
  enableEndpoint: 'rpc.webhooks.endpoint.enable',
  disableEndpoint: 'rpc.webhooks.endpoint.disable',
  rotateEndpointSecret: 'rpc.webhooks.endpoint.rotateSecret',
  deleteEndpoint: 'rpc.webhooks.endpoint.delete',
  deliveryPages: 'rpc.webhooks.delivery.pages',
  getDelivery: 'rpc.webhooks.delivery.get',
  replayDelivery: 'rpc.webhooks.delivery.replay',
} as const;

/** The audit service: who did what to which object and when, for admins only. */
export const AuditRpc = {
  list: 'rpc.audit.entry.list',
} as const;

/** The identity service: API keys of integrations. */
export const IdentityRpc = {
  listApiKeys: 'rpc.identity.apikey.list',
  createApiKey: 'rpc.identity.apikey.create',
  revokeApiKey: 'rpc.identity.apikey.revoke',
  verifyApiKey: 'rpc.identity.apikey.verify',
} as const;

/** What each subject takes and answers: the client and the handlers are typed from this one map. */
export interface RpcContract {
  [AgencyRpc.list]: { request: ListAgenciesQuery; response: Page<AgencyDto> };
  [AgencyRpc.get]: { request: GetAgencyQuery; response: AgencyDto };
  [AgencyRpc.byIds]: { request: AgenciesByIdsQuery; response: (AgencyDto | null)[] };
  [AgencyRpc.create]: { request: CreateAgencyCommand; response: AgencyDto };
  [AgencyRpc.update]: { request: UpdateAgencyCommand; response: AgencyDto };
  [AgencyRpc.archive]: { request: ArchiveAgencyCommand; response: AgencyDto };
  [AgencyRpc.peopleByAgencyIds]: { request: PeopleByAgencyIdsQuery; response: PersonDto[][] };
  [AgencyRpc.peopleByIds]: { request: PeopleByIdsQuery; response: (PersonDto | null)[] };
  [AgencyRpc.addPerson]: { request: AddPersonCommand; response: PersonDto };
  [AgencyRpc.updatePerson]: { request: UpdatePersonCommand; response: PersonDto };
  [AgencyRpc.removePerson]: { request: RemovePersonCommand; response: PersonDto };
  [WorkStreamRpc.list]: { request: ListWorkStreamsQuery; response: Page<WorkStreamDto> };
  [WorkStreamRpc.get]: { request: GetWorkStreamQuery; response: WorkStreamDto };
  [WorkStreamRpc.byIds]: { request: WorkStreamsByIdsQuery; response: (WorkStreamDto | null)[] };
  [WorkStreamRpc.byAgencyIds]: {
    request: WorkStreamsByAgencyIdsQuery;
    response: WorkStreamDto[][];
  };
  [WorkStreamRpc.create]: { request: CreateWorkStreamCommand; response: WorkStreamDto };
  [WorkStreamRpc.update]: { request: UpdateWorkStreamCommand; response: WorkStreamDto };
  [EventsRpc.listTrainings]: { request: ListTrainingsQuery; response: Page<TrainingDto> };
  [EventsRpc.getTraining]: { request: IdQuery; response: TrainingDto };
  [EventsRpc.trainingsByIds]: { request: IdsQuery; response: (TrainingDto | null)[] };
  /** ids: work stream ids; the first 100 trainings of each, by start. */
  [EventsRpc.trainingsByWorkStreamIds]: { request: IdsQuery; response: TrainingDto[][] };
  /** ids: series ids. */
  [EventsRpc.trainingsBySeriesIds]: { request: IdsQuery; response: TrainingDto[][] };
  /** ids: training ids; the trainings that follow each. */
  [EventsRpc.followUpsByTrainingIds]: { request: IdsQuery; response: TrainingDto[][] };
  [EventsRpc.createTraining]: { request: CreateTrainingCommand; response: TrainingDto };
  [EventsRpc.updateTraining]: { request: UpdateTrainingCommand; response: TrainingDto };
  [EventsRpc.transitionTraining]: { request: TransitionTrainingCommand; response: TrainingDto };
  [EventsRpc.sessionsByTrainingIds]: { request: IdsQuery; response: SessionDto[][] };
  [EventsRpc.addSession]: { request: AddSessionCommand; response: SessionDto };
  [EventsRpc.updateSession]: { request: UpdateSessionCommand; response: SessionDto };
  [EventsRpc.removeSession]: { request: IdQuery; response: SessionDto };
  [EventsRpc.assignmentsByTrainingIds]: { request: IdsQuery; response: AssignmentDto[][] };
  [EventsRpc.assignmentsByAgencyIds]: {
    request: AssignmentsByAgencyIdsQuery;
    response: AssignmentDto[][];
  };
  [EventsRpc.assign]: { request: AssignCommand; response: AssignmentDto };
  [EventsRpc.unassign]: { request: IdQuery; response: AssignmentDto };
  [EventsRpc.registrationPages]: {
    request: RegistrationPagesQuery;
    response: Page<RegistrationDto>[];
  };
  [EventsRpc.register]: { request: RegisterParticipantCommand; response: RegistrationDto };
  [EventsRpc.recordAttendance]: { request: RecordAttendanceCommand; response: RegistrationDto };
  [EventsRpc.submitFeedback]: { request: SubmitFeedbackCommand; response: FeedbackDto };
  [EventsRpc.feedbackSummariesByTrainingIds]: { request: IdsQuery; response: FeedbackSummaryDto[] };
  [EventsRpc.reachByTrainingIds]: { request: IdsQuery; response: ReachDto[] };
  [EventsRpc.reachBySeriesIds]: { request: IdsQuery; response: ReachDto[] };
  [EventsRpc.getSeries]: { request: IdQuery; response: SeriesDto };
  [EventsRpc.seriesByIds]: { request: IdsQuery; response: (SeriesDto | null)[] };
  [EventsRpc.createSeries]: { request: CreateSeriesCommand; response: SeriesDto };
  [KnowledgeRpc.search]: { request: SearchResourcesQuery; response: ResourceSearchResult };
  [KnowledgeRpc.get]: { request: IdQuery; response: KnowledgeResourceDto };
  [KnowledgeRpc.byIds]: { request: IdsQuery; response: (KnowledgeResourceDto | null)[] };
  /** ids: training ids; the first 100 current resources of each, newest first. */
  [KnowledgeRpc.byTrainingIds]: { request: IdsQuery; response: KnowledgeResourceDto[][] };
  [KnowledgeRpc.byWorkStreamIds]: { request: IdsQuery; response: KnowledgeResourceDto[][] };
  [KnowledgeRpc.byAgencyIds]: { request: IdsQuery; response: KnowledgeResourceDto[][] };
  [KnowledgeRpc.publish]: { request: PublishResourceCommand; response: KnowledgeResourceDto };
  [KnowledgeRpc.update]: { request: UpdateResourceCommand; response: KnowledgeResourceDto };
  [KnowledgeRpc.link]: { request: LinkResourceCommand; response: KnowledgeResourceDto };
  [KnowledgeRpc.unlink]: { request: LinkResourceCommand; response: KnowledgeResourceDto };
  [KnowledgeRpc.archive]: { request: IdQuery; response: KnowledgeResourceDto };
  [WebhookRpc.listEndpoints]: {
    request: ListWebhookEndpointsQuery;
    response: Page<WebhookEndpointDto>;
  };
  [WebhookRpc.getEndpoint]: { request: IdQuery; response: WebhookEndpointDto };
  [WebhookRpc.registerEndpoint]: {
    request: RegisterWebhookEndpointCommand;
    response: WebhookEndpointWithSecretDto;
  };
  [WebhookRpc.enableEndpoint]: { request: IdQuery; response: WebhookEndpointDto };
  [WebhookRpc.disableEndpoint]: { request: IdQuery; response: WebhookEndpointDto };
  [WebhookRpc.rotateEndpointSecret]: { request: IdQuery; response: WebhookEndpointWithSecretDto };
  [WebhookRpc.deleteEndpoint]: { request: IdQuery; response: WebhookEndpointDto };
  /** A page of deliveries per endpoint, newest first, each with its attempts. */
  [WebhookRpc.deliveryPages]: {
    request: WebhookDeliveryPagesQuery;
    response: Page<WebhookDeliveryDto>[];
  };
  [WebhookRpc.getDelivery]: { request: IdQuery; response: WebhookDeliveryDto };
  [WebhookRpc.replayDelivery]: { request: IdQuery; response: WebhookDeliveryDto };
  [AuditRpc.list]: { request: AuditLogQuery; response: Page<AuditEntryDto> };
  /** Newest first, at most MAX_API_KEYS. */
  [IdentityRpc.listApiKeys]: { request: ListApiKeysQuery; response: ApiKeyDto[] };
  [IdentityRpc.createApiKey]: { request: CreateApiKeyCommand; response: CreatedApiKeyDto };
  [IdentityRpc.revokeApiKey]: { request: RevokeApiKeyCommand; response: ApiKeyDto };
  /** null for an unknown, malformed or revoked key. */
  [IdentityRpc.verifyApiKey]: { request: VerifyApiKeyQuery; response: VerifiedApiKeyDto | null };
}

export type RpcSubject = keyof RpcContract;
export type RpcRequest<S extends RpcSubject> = RpcContract[S]['request'];
export type RpcResponse<S extends RpcSubject> = RpcContract[S]['response'];
