import {
  KnowledgeEvents,
  scopeOfEvent,
  TrainingEvents,
  type CloudEvent,
  type DomainEventType,
} from '#libs/contracts';

/** Everything that can change about a training: itself, its parts, and the materials linked to it. */
export const TRAINING_CHANGE_TYPES: readonly DomainEventType[] = [
  ...Object.values(TrainingEvents).filter((type) => type !== TrainingEvents.seriesCreated),
  ...Object.values(KnowledgeEvents),
];

export interface EventFilter {
  types: readonly DomainEventType[];
  workStreamId?: string;
  trainingId?: string;
}

/**
 * What the stream's subject filter cannot decide: the work stream and training an event is
 * about live in its data (EventScope), not in its subject.
 */
export function matchesScope(
  event: CloudEvent<unknown>,
  filter: Pick<EventFilter, 'workStreamId' | 'trainingId'>,
): boolean {
  if (!filter.workStreamId && !filter.trainingId) return true;
  const scope = scopeOfEvent(event.data);
  if (filter.workStreamId && scope.workStreamId !== filter.workStreamId) return false;
  return !filter.trainingId || scope.trainingIds.includes(filter.trainingId);
}
