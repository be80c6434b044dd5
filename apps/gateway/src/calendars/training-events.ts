import {
  AssignmentRole,
  TrainingFormat,
  TrainingStatus,
  type AgencyDto,
  type AssignmentDto,
  type SessionDto,
  type TrainingDto,
  type WorkStreamDto,
} from '#libs/contracts';
import type { CalendarEvent, CalendarEventStatus } from './icalendar.js';

/** Statuses a public feed shows: a draft is not announced yet. */
export const PUBLISHED_STATUSES = [
  TrainingStatus.SCHEDULED,
  TrainingStatus.IN_PROGRESS,
  TrainingStatus.COMPLETED,
  TrainingStatus.CANCELLED,
] as const;

export function isPublished(training: TrainingDto): boolean {
  return (PUBLISHED_STATUSES as readonly TrainingStatus[]).includes(training.status);
}

/** Everything a feed shows, fetched in a fixed number of batch requests. */
export interface TrainingCalendarData {
  trainings: TrainingDto[];
  /** Aligned with `trainings`. */
  sessions: SessionDto[][];
  assignments: AssignmentDto[][];
  workStreams: Map<string, WorkStreamDto>;
  agencies: Map<string, AgencyDto>;
}

const FORMAT_LABELS: Record<TrainingFormat, string> = {
  [TrainingFormat.ONLINE]: 'Online',
  [TrainingFormat.IN_PERSON]: 'In person',
  [TrainingFormat.HYBRID]: 'Hybrid',
};

/** Who is named in the description, in this order. */
const ROLE_LINES: { label: string; roles: AssignmentRole[] }[] = [
  { label: 'Convened by', roles: [AssignmentRole.CONVENER, AssignmentRole.CO_CONVENER] },
  { label: 'Organized by', roles: [AssignmentRole.ORGANIZER] },
  { label: 'Trainers from', roles: [AssignmentRole.TRAINER] },
];

/** One VEVENT per session of each training. */
export function trainingEvents(data: TrainingCalendarData): CalendarEvent[] {
  return data.trainings.flatMap((training, index) =>
    (data.sessions[index] ?? []).map((session) =>
      sessionEvent(training, session, data.assignments[index] ?? [], data),
    ),
  );
}

function sessionEvent(
  training: TrainingDto,
  session: SessionDto,
  assignments: AssignmentDto[],
  data: TrainingCalendarData,
): CalendarEvent {
  // The training's last change (a session change touches it too) rather than the time of the
  // request: the same data gives the same bytes, so a polling client gets its 304.
  const lastChange = new Date(training.updatedAt);
  return {
    uid: `${session.id}@convene`,
    stamp: lastChange,
    start: new Date(session.startsAt),
    end: new Date(session.endsAt),
    // Both versions only grow, so any change to the training or to the session raises the sum.
    sequence: training.version - 1 + (session.version - 1),
    status: statusOf(training.status),
    summary: session.title ? `${training.title}: ${session.title}` : training.title,
    description: describe(training, session, assignments, data),
    location: locationOf(training),
    url: training.onlineUrl,
    categories: training.topics,
    lastModified: lastChange,
  };
}

function statusOf(status: TrainingStatus): CalendarEventStatus {
  return status === TrainingStatus.CANCELLED ? 'CANCELLED' : 'CONFIRMED';
}

function locationOf(training: TrainingDto): string | null {
  if (training.venue) return training.venue;
  return training.format === TrainingFormat.ONLINE ? 'Online' : null;
}

function describe(
  training: TrainingDto,
  session: SessionDto,
  assignments: AssignmentDto[],
  data: TrainingCalendarData,
): string {
  const workStream = data.workStreams.get(training.workStreamId);
  const lines = [
    `Format: ${FORMAT_LABELS[training.format]}`,
    workStream ? `Work stream ${workStream.number}: ${workStream.title}` : null,
    ...ROLE_LINES.map(({ label, roles }) => {
      const acronyms = agencyAcronyms(assignments, roles, data.agencies);
      return acronyms.length ? `${label}: ${acronyms.join(', ')}` : null;
    }),
    `Local time zone: ${session.timeZone}`,
    training.status === TrainingStatus.CANCELLED ? 'This training is cancelled.' : null,
  ];
  const facts = lines.filter((line): line is string => line !== null).join('\n');
  return training.description ? `${training.description}\n\n${facts}` : facts;
}

function agencyAcronyms(
  assignments: AssignmentDto[],
  roles: AssignmentRole[],
  agencies: Map<string, AgencyDto>,
): string[] {
  const acronyms = assignments
    .filter((assignment) => roles.includes(assignment.role))
    .map((assignment) => agencies.get(assignment.agencyId)?.acronym)
    .filter((acronym): acronym is string => acronym !== undefined);
  return [...new Set(acronyms)];
}
