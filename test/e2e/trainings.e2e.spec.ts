import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAgency, type CreatedAgency } from '../support/agency-factory.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';
import {
  ADD_SESSION,
  ASSIGN,
  createTraining,
  createWorkStream,
  REGISTER,
} from '../support/training-factory.js';

let stack: ConveneStack;
let unesco: CreatedAgency;
let unctad: CreatedAgency;
let wipo: CreatedAgency;
let workStreamId: string;
let trainerId: string;

beforeAll(async () => {
  stack = await startConveneStack();
  unesco = await createAgency(stack.graphql, { acronym: 'UNESCO' });
  unctad = await createAgency(stack.graphql, { acronym: 'UNCTAD' });
  wipo = await createAgency(stack.graphql, { acronym: 'WIPO' });
  workStreamId = await createWorkStream(stack.graphql, 6, [unesco.id, unctad.id]);
  const person = await stack.graphql.data<{ addPerson: { id: string } }>(
    `mutation($input: AddPersonInput!) { addPerson(input: $input) { id } }`,
    { input: { agencyId: wipo.id, name: 'Tamara Nanayakkara' } },
  );
  trainerId = person.addPerson.id;
});

afterAll(async () => {
  await stack?.stop();
});

const TRANSITION = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { status } }`;

/** Counts rows of an events table, to show a refused write changed nothing. */
async function rows(table: string): Promise<number> {
  const [row] = await stack.database.query<{ count: string }>(
    `SELECT count(*) FROM events.${table}`,
  );
  return Number(row?.count);
}

describe('a convener runs a training from draft to completion', () => {
  let trainingId: string;
  let sessionId: string;

  it('creates it as a draft and is refused scheduling until it has a convener, a trainer and a session', async () => {
    trainingId = (
      await createTraining(stack.graphql, workStreamId, {
        capacity: 2,
        sdgs: [9, 17],
        topics: ['STI roadmaps'],
      })
    ).id;

    const bare = await stack.graphql.request(TRANSITION('scheduleTraining'), { id: trainingId });
    expect(bare.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(bare.errors?.[0]?.message).toContain('without a convener, a trainer, a session');

    await stack.graphql.data(ASSIGN, {
      input: { trainingId, agencyId: unesco.id, role: 'CONVENER' },
    });
    await stack.graphql.data(ASSIGN, {
      input: { trainingId, agencyId: wipo.id, personId: trainerId, role: 'TRAINER' },
    });
    const noSession = await stack.graphql.request(TRANSITION('scheduleTraining'), {
      id: trainingId,
    });
    expect(noSession.errors?.[0]?.message).toContain('without a session');

    const session = await stack.graphql.data<{
      addSession: { id: string; startsAt: string; timeZone: string };
    }>(ADD_SESSION, {
      input: {
        trainingId,
        startsAt: '2020-11-10T14:00:00+01:00',
        endsAt: '2020-11-10T16:00:00+01:00',
        timeZone: 'Europe/Vienna',
      },
    });
    sessionId = session.addSession.id;
    expect(session.addSession.startsAt).toBe('2020-11-10T13:00:00.000Z');

    const scheduled = await stack.graphql.data<{ scheduleTraining: { status: string } }>(
      TRANSITION('scheduleTraining'),
      { id: trainingId },
    );
    expect(scheduled.scheduleTraining.status).toBe('SCHEDULED');
  });

  it('registers participants up to its capacity', async () => {
    for (const [name, country] of [
      ['Amina Diallo', 'SN'],
      ['Rahul Mehta', 'IN'],
    ] as const) {
      await stack.graphql.data(REGISTER, {
        input: {
          trainingId,
          name,
          organization: 'Ministry of Science',
          country,
          kind: 'GOVERNMENT_OFFICIAL',
        },
      });
    }
    const full = await stack.graphql.request(REGISTER, {
      input: {
        trainingId,
        name: 'One Too Many',
        organization: 'Ministry',
        country: 'KE',
        kind: 'OTHER',
      },
    });
    expect(full.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(full.errors?.[0]?.message).toContain('full');
    expect(await rows('registration')).toBe(2);
  });

  it('records attendance and feedback once the training runs, then completes it', async () => {
    await stack.graphql.data(TRANSITION('startTraining'), { id: trainingId });
    const { training } = await stack.graphql.data<{
      training: { registrations: { edges: { node: { id: string } }[] } };
    }>(
      `query($id: ID!) { training(id: $id) { registrations(first: 1) { edges { node { id } } } } }`,
      { id: trainingId },
    );
    const registrationId = training.registrations.edges[0]?.node.id;
    const attended = await stack.graphql.data<{
      recordAttendance: { attendedSessionIds: string[] };
    }>(
      `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { attendedSessionIds } }`,
      { input: { registrationId, sessionId } },
    );
    expect(attended.recordAttendance.attendedSessionIds).toEqual([sessionId]);

    for (const [rating, topics] of [
      [5, ['Technology transfer', 'STI roadmaps']],
      [4, ['technology transfer']],
    ] as const) {
      await stack.graphql.data(
        `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id } }`,
        {
          input: { trainingId, rating, suggestedTopics: topics },
        },
      );
    }
    const completed = await stack.graphql.data<{ completeTraining: { status: string } }>(
      TRANSITION('completeTraining'),
      { id: trainingId },
    );
    expect(completed.completeTraining.status).toBe('COMPLETED');

    const summary = await stack.graphql.data<{
      training: { reach: unknown; feedbackSummary: unknown };
    }>(
      `query($id: ID!) { training(id: $id) {
          reach { participants countries unRepresentatives agencies }
          feedbackSummary { responses averageRating suggestedTopics { topic count } } } }`,
      { id: trainingId },
    );
    expect(summary.training.reach).toEqual({
      participants: 2,
      countries: 2,
      unRepresentatives: 0,
      agencies: 2,
    });
    expect(summary.training.feedbackSummary).toEqual({
      responses: 2,
      averageRating: 4.5,
      suggestedTopics: [
        { topic: 'Technology transfer', count: 2 },
        { topic: 'STI roadmaps', count: 1 },
      ],
    });
  });

  it('refuses any change after completion, and anything but cancellation after cancellation', async () => {
    const late = await stack.graphql.request(ASSIGN, {
      input: { trainingId, agencyId: unctad.id, role: 'CONTRIBUTOR' },
    });
    expect(late.errors?.[0]?.extensions.code).toBe('CONFLICT');

    const other = (await createTraining(stack.graphql, workStreamId)).id;
    await stack.graphql.data(TRANSITION('cancelTraining'), { id: other });
    const again = await stack.graphql.data<{ cancelTraining: { status: string } }>(
      TRANSITION('cancelTraining'),
      { id: other },
    );
    expect(again.cancelTraining.status).toBe('CANCELLED');
    const revived = await stack.graphql.request(TRANSITION('scheduleTraining'), { id: other });
    expect(revived.errors?.[0]?.message).toContain('nothing can follow a cancellation');
  });

  it('lets an officer read who convenes and who delivers, per agency and per work stream', async () => {
    const byAgency = await stack.graphql.data<{
      agency: {
        assignments: { role: string; person: { name: string }; training: { title: string } }[];
      };
    }>(
      `query($id: ID) { agency(id: $id) { assignments(role: TRAINER) { role person { name } training { title } } } }`,
      { id: wipo.id },
    );
    expect(byAgency.agency.assignments).toEqual([
      {
        role: 'TRAINER',
        person: { name: 'Tamara Nanayakkara' },
        training: { title: 'STI policy for the SDGs' },
      },
    ]);

    const byWorkStream = await stack.graphql.data<{
      workStream: { trainings: { assignments: { role: string; agency: { acronym: string } }[] }[] };
    }>(`{ workStream(number: 6) { trainings { assignments { role agency { acronym } } } } }`);
    expect(byWorkStream.workStream.trainings[0]?.assignments).toEqual([
      { role: 'CONVENER', agency: { acronym: 'UNESCO' } },
      { role: 'TRAINER', agency: { acronym: 'WIPO' } },
    ]);

    const filtered = await stack.graphql.data<{ trainings: { totalCount: number } }>(
      `query($agencyId: ID) { trainings(filter: { agencyId: $agencyId, role: TRAINER, sdg: 9, participantCountry: "SN" }) { totalCount } }`,
      { agencyId: wipo.id },
    );
    expect(filtered.trainings.totalCount).toBe(1);
  });
});

describe('bad input gets its own clear error and changes nothing', () => {
  let trainingId: string;

  beforeAll(async () => {
    trainingId = (await createTraining(stack.graphql, workStreamId, { title: 'Errors welcome' }))
      .id;
    await stack.graphql.data(ADD_SESSION, {
      input: {
        trainingId,
        startsAt: '2021-03-01T09:00:00Z',
        endsAt: '2021-03-01T11:00:00Z',
        timeZone: 'Africa/Nairobi',
      },
    });
  });

  it.each([
    [
      'a bad time zone',
      '2021-03-02T09:00:00Z',
      '2021-03-02T10:00:00Z',
      'Mars/Olympus',
      'timeZone',
      'isTimeZone',
    ],
    [
      'an end before the start',
      '2021-03-02T10:00:00Z',
      '2021-03-02T09:00:00Z',
      'UTC',
      'endsAt',
      'isAfterStart',
    ],
    [
      'an overlapping session',
      '2021-03-01T10:30:00Z',
      '2021-03-01T12:00:00Z',
      'UTC',
      'startsAt',
      'noOverlap',
    ],
    [
      'a time without offset',
      '2021-03-02T09:00:00',
      '2021-03-02T10:00:00Z',
      'UTC',
      'startsAt',
      'isIsoDateTime',
    ],
  ])('%s', async (_case, startsAt, endsAt, timeZone, field, rule) => {
    const before = await rows('session');
    const response = await stack.graphql.request(ADD_SESSION, {
      input: { trainingId, startsAt, endsAt, timeZone },
    });
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions.fields).toEqual([
      expect.objectContaining({ field, rule }),
    ]);
    expect(await rows('session')).toBe(before);
  });

  it('an unknown agency or a person of another agency', async () => {
    const before = await rows('assignment');
    const unknown = await stack.graphql.request(ASSIGN, {
      input: { trainingId, agencyId: '00000000-0000-4000-8000-000000000000', role: 'TRAINER' },
    });
    expect(unknown.errors?.[0]?.extensions.fields).toEqual([
      expect.objectContaining({ field: 'agencyId', rule: 'exists' }),
    ]);
    const mismatch = await stack.graphql.request(ASSIGN, {
      input: { trainingId, agencyId: unesco.id, personId: trainerId, role: 'TRAINER' },
    });
    expect(mismatch.errors?.[0]?.extensions.fields).toEqual([
      expect.objectContaining({ field: 'personId', rule: 'ofAgency' }),
    ]);
    expect(await rows('assignment')).toBe(before);
  });

  it('a bad country, an unknown training, an SDG outside 1–17', async () => {
    const country = await stack.graphql.request(REGISTER, {
      input: {
        trainingId,
        name: 'Someone',
        organization: 'Somewhere',
        country: 'XX',
        kind: 'OTHER',
      },
    });
    expect(country.errors?.[0]?.extensions.fields).toEqual([
      expect.objectContaining({ field: 'country', rule: 'isISO31661Alpha2' }),
    ]);

    const training = await stack.graphql.request(REGISTER, {
      input: {
        trainingId: '00000000-0000-4000-8000-000000000000',
        name: 'Someone',
        organization: 'Somewhere',
        country: 'KE',
        kind: 'OTHER',
      },
    });
    expect(training.errors?.[0]?.extensions.fields).toEqual([
      expect.objectContaining({ field: 'trainingId', rule: 'exists' }),
    ]);

    const sdg = await stack.graphql.request(
      `mutation($input: CreateTrainingInput!) { createTraining(input: $input) { id } }`,
      {
        input: { workStreamId, title: 'Goal 18', kind: 'WEBINAR', format: 'ONLINE', sdgs: [9, 18] },
      },
    );
    expect(sdg.errors?.[0]?.extensions.fields).toEqual([
      expect.objectContaining({ field: 'sdgs', rule: 'max' }),
    ]);
  });

  it('a stale version', async () => {
    const UPDATE = `mutation($input: UpdateTrainingInput!) { updateTraining(input: $input) { version } }`;
    const first = await stack.graphql.data<{ updateTraining: { version: number } }>(UPDATE, {
      input: { id: trainingId, expectedVersion: 1, title: 'Errors still welcome' },
    });
    expect(first.updateTraining.version).toBe(2);
    const stale = await stack.graphql.request(UPDATE, {
      input: { id: trainingId, expectedVersion: 1, title: 'Lost update' },
    });
    expect(stale.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const { training } = await stack.graphql.data<{ training: { title: string } }>(
      `query($id: ID!) { training(id: $id) { title } }`,
      {
        id: trainingId,
      },
    );
    expect(training.title).toBe('Errors still welcome');
  });
});
