import { AssignmentRole, TrainingStatus } from '#libs/contracts';
import { RpcError } from '#libs/messaging';

/** What the lifecycle rules need to know about a training besides its status. */
export interface TrainingFacts {
  roles: AssignmentRole[];
  sessions: number;
  lastSessionEnd: Date | null;
  now: Date;
}

const NEXT: Record<TrainingStatus, TrainingStatus[]> = {
  [TrainingStatus.DRAFT]: [TrainingStatus.SCHEDULED, TrainingStatus.CANCELLED],
  [TrainingStatus.SCHEDULED]: [TrainingStatus.IN_PROGRESS, TrainingStatus.CANCELLED],
  [TrainingStatus.IN_PROGRESS]: [TrainingStatus.COMPLETED, TrainingStatus.CANCELLED],
  [TrainingStatus.COMPLETED]: [],
  [TrainingStatus.CANCELLED]: [],
};

const CONVENING_ROLES = [AssignmentRole.CONVENER, AssignmentRole.CO_CONVENER];

/** Why a training may not move from `from` to `to`, or undefined when it may. */
export function refusalOfTransition(
  from: TrainingStatus,
  to: TrainingStatus,
  facts: TrainingFacts,
): string | undefined {
  if (from === TrainingStatus.CANCELLED)
    return 'the training is cancelled: nothing can follow a cancellation';
  if (!NEXT[from].includes(to)) {
    const allowed = NEXT[from].join(' or ') || 'nothing';
    return `a ${label(from)} training can move to ${allowed}, not to ${to}`;
  }
  if (to === TrainingStatus.SCHEDULED) {
    const missing = [
      facts.roles.some((role) => CONVENING_ROLES.includes(role)) ? undefined : 'a convener',
      facts.roles.includes(AssignmentRole.TRAINER) ? undefined : 'a trainer',
      facts.sessions > 0 ? undefined : 'a session',
    ].filter(Boolean);
    if (missing.length > 0) return `a training cannot be scheduled without ${missing.join(', ')}`;
  }
  if (to === TrainingStatus.COMPLETED && facts.lastSessionEnd && facts.lastSessionEnd > facts.now) {
    return `a training cannot be completed before its last session ends (${facts.lastSessionEnd.toISOString()})`;
  }
  return undefined;
}

/** The one-word label of a status in messages: `in progress`. */
function label(status: TrainingStatus): string {
  return status.toLowerCase().replace('_', ' ');
}

/**
 * The details, sessions and assignments of a training may change until it is completed or
 * cancelled; after cancellation nothing changes at all.
 */
export function assertDetailsMayChange(training: { title: string; status: TrainingStatus }): void {
  if (
    training.status === TrainingStatus.CANCELLED ||
    training.status === TrainingStatus.COMPLETED
  ) {
    throw RpcError.conflict(
      `Training "${training.title}" is ${label(training.status)}: it can no longer change`,
    );
  }
}

const OPEN_FOR = {
  registration: [TrainingStatus.DRAFT, TrainingStatus.SCHEDULED, TrainingStatus.IN_PROGRESS],
  attendance: [TrainingStatus.SCHEDULED, TrainingStatus.IN_PROGRESS, TrainingStatus.COMPLETED],
  feedback: [TrainingStatus.IN_PROGRESS, TrainingStatus.COMPLETED],
} as const;

/** Registrations until the training is over; attendance once scheduled; feedback once it has begun. */
export function assertOpenFor(
  activity: keyof typeof OPEN_FOR,
  training: { title: string; status: TrainingStatus },
): void {
  if (!(OPEN_FOR[activity] as readonly TrainingStatus[]).includes(training.status)) {
    throw RpcError.conflict(
      `Training "${training.title}" is ${label(training.status)}: it takes no ${activity}`,
    );
  }
}

/** A scheduled or running training keeps what made it schedulable. */
export function assertStillSchedulable(status: TrainingStatus, facts: TrainingFacts): void {
  if (status !== TrainingStatus.SCHEDULED && status !== TrainingStatus.IN_PROGRESS) return;
  const refusal = refusalOfTransition(TrainingStatus.DRAFT, TrainingStatus.SCHEDULED, facts);
  if (refusal) throw RpcError.conflict(`${refusal}; cancel it instead`);
}
