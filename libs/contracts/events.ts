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

/** Webhook endpoints; their data never holds the secret, and of the URL only its host. */
export const WebhookEvents = {
  endpointRegistered: 'convene.webhooks.endpoint.registered',
  endpointEnabled: 'convene.webhooks.endpoint.enabled',
  endpointDisabled: 'convene.webhooks.endpoint.disabled',
  endpointSecretRotated: 'convene.webhooks.endpoint.secretrotated',
  endpointDeleted: 'convene.webhooks.endpoint.deleted',
} as const;

/** API keys of integrations: created and revoked by an admin. */
export const IdentityEvents = {
  apiKeyCreated: 'convene.identity.apikey.created',
  apiKeyRevoked: 'convene.identity.apikey.revoked',
} as const;

/** Every service's event constants, by the name the code uses for them (`TrainingEvents`). */
export const DOMAIN_EVENT_GROUPS = {
  AgencyEvents,
  WorkStreamEvents,
  TrainingEvents,
  KnowledgeEvents,
  WebhookEvents,
  IdentityEvents,
} as const;

type Groups = typeof DOMAIN_EVENT_GROUPS;
export type DomainEventType = {
  [Group in keyof Groups]: Groups[Group][keyof Groups[Group]];
}[keyof Groups];

/** Every domain event type, in a stable order: what an integration may subscribe to. */
export const DOMAIN_EVENT_TYPES: readonly DomainEventType[] = Object.values(
  DOMAIN_EVENT_GROUPS,
).flatMap((group) => Object.values(group) as DomainEventType[]);

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

/**
 * Where an event belongs, carried at the top of its `data` so that a consumer can filter
 * without knowing each payload: events about a training or its parts (sessions, assignments,
 * registrations, attendance, feedback) carry `trainingId` and `workStreamId`; a series and a
 * work stream carry `workStreamId`; a knowledge resource carries its own `workStreamId` (or
 * null) and `trainingIds`, the trainings it is linked to before or after the change.
 */
export interface EventScope {
  workStreamId?: string | null;
  trainingId?: string;
  trainingIds?: string[];
}

/** The work stream and the trainings an event is about, read from its data. */
export function scopeOfEvent(data: unknown): { workStreamId?: string; trainingIds: string[] } {
  if (typeof data !== 'object' || data === null) return { trainingIds: [] };
  const { workStreamId, trainingId, trainingIds } = data as Record<string, unknown>;
  const listed = Array.isArray(trainingIds)
    ? trainingIds.filter((id): id is string => typeof id === 'string')
    : [];
  return {
    ...(typeof workStreamId === 'string' && { workStreamId }),
    trainingIds: typeof trainingId === 'string' ? [trainingId, ...listed] : listed,
  };
}
