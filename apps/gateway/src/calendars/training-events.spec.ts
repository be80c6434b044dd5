import { describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import {
  AgencyKind,
  AssignmentRole,
  TrainingFormat,
  TrainingKind,
  TrainingStatus,
  WorkStreamStatus,
  type SessionDto,
  type TrainingDto,
} from '#libs/contracts';
import { isPublished, trainingEvents, type TrainingCalendarData } from './training-events.js';

const TRAINING: TrainingDto = {
  id: 't1',
  workStreamId: 'w6',
  seriesId: null,
  followsId: null,
  title: 'STI roadmaps',
  description: 'Why roadmaps matter.',
  kind: TrainingKind.WEBINAR,
  format: TrainingFormat.ONLINE,
  status: TrainingStatus.SCHEDULED,
  topics: ['STI roadmaps'],
  sdgs: [9],
  targetAudience: null,
  capacity: null,
  venue: null,
  onlineUrl: 'https://example.org/join',
  startsAt: '2030-03-10T09:00:00.000Z',
  endsAt: '2030-03-10T11:00:00.000Z',
  version: 3,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-02-01T12:00:00.000Z',
};

const SESSION: SessionDto = {
  id: 's1',
  trainingId: 't1',
  title: null,
  startsAt: '2030-03-10T09:00:00.000Z',
  endsAt: '2030-03-10T11:00:00.000Z',
  timeZone: 'Europe/Vienna',
  version: 2,
};

function data(training: Partial<TrainingDto> = {}, session: Partial<SessionDto> = {}) {
  const calendar: TrainingCalendarData = {
    trainings: [{ ...TRAINING, ...training }],
    sessions: [[{ ...SESSION, ...session }]],
    assignments: [
      [
        {
          id: 'a1',
          trainingId: 't1',
          agencyId: 'unesco',
          personId: null,
          role: AssignmentRole.CO_CONVENER,
        },
        {
          id: 'a2',
          trainingId: 't1',
          agencyId: 'unido',
          personId: null,
          role: AssignmentRole.ORGANIZER,
        },
        {
          id: 'a3',
          trainingId: 't1',
          agencyId: 'itu',
          personId: 'p',
          role: AssignmentRole.TRAINER,
        },
        {
          id: 'a4',
          trainingId: 't1',
          agencyId: 'wipo',
          personId: null,
          role: AssignmentRole.TRAINER,
        },
      ],
    ],
    workStreams: new Map([
      [
        'w6',
        {
          id: 'w6',
          number: 6,
          title: 'Capacity building',
          mandate: null,
          status: WorkStreamStatus.ACTIVE,
          convenerAgencyIds: [],
          memberAgencyIds: [],
          version: 1,
          createdAt: TRAINING.createdAt,
          updatedAt: TRAINING.createdAt,
        },
      ],
    ]),
    agencies: new Map(
      ['unesco', 'unido', 'itu', 'wipo'].map((id) => [
        id,
        {
          id,
          acronym: id.toUpperCase(),
          name: id,
          kind: AgencyKind.OTHER,
          headquarters: 'Geneva',
          website: null,
          archived: false,
          version: 1,
          createdAt: TRAINING.createdAt,
          updatedAt: TRAINING.createdAt,
        },
      ]),
    ),
  };
  return calendar;
}

describe('trainingEvents', () => {
  it('makes one event per session with a stable UID, UTC instants and the facts of the training', () => {
    const [event, ...others] = trainingEvents(data());
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      uid: 's1@convene',
      start: new Date('2030-03-10T09:00:00.000Z'),
      end: new Date('2030-03-10T11:00:00.000Z'),
      status: 'CONFIRMED',
      summary: 'STI roadmaps',
      location: 'Online',
      url: 'https://example.org/join',
      categories: ['STI roadmaps'],
      stamp: new Date(TRAINING.updatedAt),
    });
    expect(event?.description).toBe(
      [
        'Why roadmaps matter.',
        '',
        'Format: Online',
        'Work stream 6: Capacity building',
        'Convened by: UNESCO',
        'Organized by: UNIDO',
        'Trainers from: ITU, WIPO',
        'Local time zone: Europe/Vienna',
      ].join('\n'),
    );
  });

  it('derives SEQUENCE from both versions, so a change to either raises it', () => {
    const sequence = (training: number, session: number) =>
      trainingEvents(data({ version: training }, { version: session }))[0]?.sequence;
    expect(sequence(1, 1)).toBe(0);
    expect(sequence(3, 2)).toBe(3);
    expect(sequence(4, 2)).toBeGreaterThan(sequence(3, 2) ?? Infinity);
    expect(sequence(3, 3)).toBeGreaterThan(sequence(3, 2) ?? Infinity);
  });

  it('cancels the sessions of a cancelled training and names the session in the summary', () => {
    const [event] = trainingEvents(
      data({ status: TrainingStatus.CANCELLED, venue: 'Vienna' }, { title: 'Day 1' }),
    );
    expect(event).toMatchObject({
      status: 'CANCELLED',
      summary: 'STI roadmaps: Day 1',
      location: 'Vienna',
    });
    expect(event?.description).toContain('This training is cancelled.');
  });

  it('publishes every status but a draft', () => {
    const published = Object.values(TrainingStatus).filter((status) =>
      isPublished({ ...TRAINING, status }),
    );
    expect(published.sort()).toEqual(['CANCELLED', 'COMPLETED', 'IN_PROGRESS', 'SCHEDULED']);
  });
});
