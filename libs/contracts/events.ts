/** Domain event types; each is also the JetStream subject it is published on. */
export const AgencyEvents = {
  agencyCreated: 'convene.agencies.agency.created',
  agencyUpdated: 'convene.agencies.agency.updated',
  agencyArchived: 'convene.agencies.agency.archived',
  personAdded: 'convene.agencies.person.added',
  personUpdated: 'convene.agencies.person.updated',
  personRemoved: 'convene.agencies.person.removed',
} as const;

export const WorkStreamEvents = {
  workStreamCreated: 'convene.workstreams.workstream.created',
  workStreamUpdated: 'convene.workstreams.workstream.updated',
} as const;

export const TrainingEvents = {
  trainingCreated: 'convene.events.training.created',
  trainingUpdated: 'convene.events.training.updated',
  trainingScheduled: 'convene.events.training.scheduled',
  trainingStarted: 'convene.events.training.started',
  trainingCompleted: 'convene.events.training.completed',
  trainingCancelled: 'convene.events.training.cancelled',
  sessionAdded: 'convene.events.session.added',
  sessionUpdated: 'convene.events.session.updated',
  sessionRemoved: 'convene.events.session.removed',
  assignmentAdded: 'convene.events.assignment.added',
  assignmentRemoved: 'convene.events.assignment.removed',
  participantRegistered: 'convene.events.registration.created',
  attendanceRecorded: 'convene.events.registration.attendance',
  feedbackSubmitted: 'convene.events.feedback.submitted',
  seriesCreated: 'convene.events.series.created',
} as const;

export const KnowledgeEvents = {
  resourcePublished: 'convene.knowledge.resource.published',
  resourceUpdated: 'convene.knowledge.resource.updated',
  resourceLinked: 'convene.knowledge.resource.linked',
  resourceUnlinked: 'convene.knowledge.resource.unlinked',
  resourceArchived: 'convene.knowledge.resource.archived',
} as const;

/** API keys of integrations: created and revoked by an admin. */
export const IdentityEvents = {
  apiKeyCreated: 'convene.identity.apikey.created',
  apiKeyRevoked: 'convene.identity.apikey.revoked',
} as const;

type ValueOf<T> = T[keyof T];
export type DomainEventType =
  | ValueOf<typeof AgencyEvents>
  | ValueOf<typeof WorkStreamEvents>
  | ValueOf<typeof TrainingEvents>
  | ValueOf<typeof KnowledgeEvents>
  | ValueOf<typeof IdentityEvents>;

/** Every domain event type, e.g. to check the event types an integration is granted. */
export const DOMAIN_EVENT_TYPES: readonly DomainEventType[] = [
  AgencyEvents,
  WorkStreamEvents,
  TrainingEvents,
  KnowledgeEvents,
  IdentityEvents,
].flatMap((events) => Object.values(events));

/** Stream that captures every domain event subject. */
export const DOMAIN_EVENT_SUBJECTS = 'convene.>';

/** CloudEvents 1.0, structured JSON mode. */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: DomainEventType;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: T;
  /** Extension attributes: who caused the change, and the request it came from. */
  conveneactor: string;
  convenecorrelationid: string;
}
