import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { readCounter } from '#libs/testing';
import { createAgency } from '../support/agency-factory.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';
import {
  ADD_SESSION,
  ASSIGN,
  createTraining,
  createWorkStream,
} from '../support/training-factory.js';

let stack: ConveneStack;
let convenerId: string;
let trainerId: string;
let workStreamId: string;

interface Session {
  id: string;
  startsAt: string;
  endsAt: string;
}

interface FeedEvent {
  uid: string;
  start: string;
  end: string;
  startZone: string | undefined;
  sequence: number;
  status: unknown;
  summary: string;
  description: string;
  location: string;
  categories: unknown[];
}

async function fetchFeed(path: string): Promise<{ response: Response; body: string }> {
  const response = await fetch(`${stack.gatewayUrl}${path}`);
  return { response, body: await response.text() };
}

/** Fetches a feed and reads it with ical.js, as a calendar application would. */
async function readFeed(path: string): Promise<{ name: unknown; events: FeedEvent[] }> {
  const { response, body } = await fetchFeed(path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  const calendar = new ICAL.Component(ICAL.parse(body));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      startZone: event.startDate.zone?.tzid,
      sequence: event.sequence,
      status: component.getFirstPropertyValue('status'),
      summary: event.summary,
      description: event.description,
      location: event.location,
      categories: component.getFirstProperty('categories')?.getValues() ?? [],
    };
  });
  return { name: calendar.getFirstPropertyValue('x-wr-calname'), events };
}

async function scheduledTraining(
  overrides: Record<string, unknown>,
  sessions: { startsAt: string; endsAt: string; title?: string }[],
): Promise<{ id: string; sessions: Session[] }> {
  const training = await createTraining(stack.graphql, workStreamId, overrides);
  const added: Session[] = [];
  for (const session of sessions) {
    const data = await stack.graphql.data<{ addSession: Session }>(ADD_SESSION, {
      input: { trainingId: training.id, timeZone: 'Europe/Vienna', ...session },
    });
    added.push(data.addSession);
  }
  for (const [agencyId, role] of [
    [convenerId, 'CONVENER'],
    [trainerId, 'TRAINER'],
  ] as const) {
    await stack.graphql.data(ASSIGN, { input: { trainingId: training.id, agencyId, role } });
  }
  await stack.graphql.data(`mutation($id: ID!) { scheduleTraining(id: $id) { id } }`, {
    id: training.id,
  });
  return { id: training.id, sessions: added };
}

let roadmaps: { id: string; sessions: Session[] };
let cancelled: { id: string; sessions: Session[] };
let draftId: string;

beforeAll(async () => {
  stack = await startConveneStack();
  convenerId = (await createAgency(stack.graphql, { acronym: 'UNESCO' })).id;
  trainerId = (await createAgency(stack.graphql, { acronym: 'UNIDO' })).id;
  workStreamId = await createWorkStream(stack.graphql, 6, [convenerId]);
  roadmaps = await scheduledTraining(
    {
      title: 'STI roadmaps, part 1; policy \\ practice',
      description: 'Why roadmaps matter.\nBring your questions, please.',
      topics: ['Technology transfer', 'STI roadmaps'],
      venue: 'Vienna International Centre, Room C',
      format: 'HYBRID',
      onlineUrl: 'https://example.org/join?a=1,2',
    },
    [
      // Given in Vienna time; the feed must show the UTC instants.
      {
        startsAt: '2030-03-10T10:00:00+01:00',
        endsAt: '2030-03-10T12:30:00+01:00',
        title: 'Day 1',
      },
      {
        startsAt: '2030-03-11T10:00:00+01:00',
        endsAt: '2030-03-11T12:30:00+01:00',
        title: 'Day 2',
      },
    ],
  );
  cancelled = await scheduledTraining({ title: 'Cancelled webinar' }, [
    { startsAt: '2030-04-01T08:00:00Z', endsAt: '2030-04-01T09:00:00Z' },
  ]);
  await stack.graphql.data(`mutation($id: ID!) { cancelTraining(id: $id) { id } }`, {
    id: cancelled.id,
  });
  const draft = await createTraining(stack.graphql, workStreamId, { title: 'Not announced yet' });
  draftId = draft.id;
  await stack.graphql.data(ADD_SESSION, {
    input: {
      trainingId: draftId,
      startsAt: '2030-05-01T08:00:00Z',
      endsAt: '2030-05-01T09:00:00Z',
      timeZone: 'UTC',
    },
  });
});

afterAll(async () => {
  await stack?.stop();
});

describe('iCalendar feeds', () => {
  it("show one VEVENT per session of the work stream's published trainings, at their UTC instants", async () => {
    const feed = await readFeed('/calendars/work-streams/6.ics');
    expect(feed.name).toBe('Work stream 6: Work stream 6');
    const expected = [...roadmaps.sessions, ...cancelled.sessions];
    expect(feed.events.map((event) => event.uid).sort()).toEqual(
      expected.map((session) => `${session.id}@convene`).sort(),
    );
    const day1 = feed.events.find((event) => event.uid === `${roadmaps.sessions[0]?.id}@convene`);
    expect(day1).toMatchObject({
      start: '2030-03-10T09:00:00.000Z',
      end: '2030-03-10T11:30:00.000Z',
      startZone: 'UTC',
      status: 'CONFIRMED',
      summary: 'STI roadmaps, part 1; policy \\ practice: Day 1',
      location: 'Vienna International Centre, Room C',
      categories: ['Technology transfer', 'STI roadmaps'],
    });
    expect(day1?.description).toContain('Why roadmaps matter.\nBring your questions, please.');
    expect(day1?.description).toContain('Format: Hybrid');
    expect(day1?.description).toContain('Work stream 6: Work stream 6');
    expect(day1?.description).toContain('Convened by: UNESCO');
    expect(day1?.description).toContain('Trainers from: UNIDO');
    // The draft's session is nowhere in a public feed.
    expect(feed.events.some((event) => event.start.startsWith('2030-05-01'))).toBe(false);
  });

  it("mark a cancelled training's sessions CANCELLED", async () => {
    const feed = await readFeed(`/calendars/trainings/${cancelled.id}.ics`);
    expect(feed.events).toHaveLength(1);
    expect(feed.events[0]).toMatchObject({
      uid: `${cancelled.sessions[0]?.id}@convene`,
      status: 'CANCELLED',
      start: '2030-04-01T08:00:00.000Z',
    });
  });

  it('keep their UIDs across fetches and raise SEQUENCE when the training or a session changes', async () => {
    const path = `/calendars/trainings/${roadmaps.id}.ics`;
    const first = await readFeed(path);
    const again = await readFeed(path);
    expect(again.events.map((event) => event.uid)).toEqual(first.events.map((event) => event.uid));
    expect(again.events.map((event) => event.sequence)).toEqual(
      first.events.map((event) => event.sequence),
    );

    const [day1, day2] = roadmaps.sessions;
    await stack.graphql.data(
      `mutation($input: UpdateSessionInput!) { updateSession(input: $input) { id } }`,
      {
        input: { id: day2?.id, startsAt: '2030-03-11T11:00:00+01:00' },
      },
    );
    const moved = await readFeed(path);
    const sequenceOf = (feed: { events: FeedEvent[] }, session: Session | undefined) =>
      feed.events.find((event) => event.uid === `${session?.id}@convene`)?.sequence ?? -1;
    expect(sequenceOf(moved, day2)).toBeGreaterThan(sequenceOf(first, day2));
    expect(sequenceOf(moved, day1)).toBe(sequenceOf(first, day1));
    expect(moved.events.find((event) => event.uid === `${day2?.id}@convene`)?.start).toBe(
      '2030-03-11T10:00:00.000Z',
    );

    await stack.graphql.data(
      `mutation($input: UpdateTrainingInput!) { updateTraining(input: $input) { id } }`,
      {
        input: { id: roadmaps.id, title: 'STI roadmaps, revised' },
      },
    );
    const renamed = await readFeed(path);
    expect(sequenceOf(renamed, day1)).toBeGreaterThan(sequenceOf(moved, day1));
    expect(sequenceOf(renamed, day2)).toBeGreaterThan(sequenceOf(moved, day2));
    expect(renamed.events.map((event) => event.uid)).toEqual(
      first.events.map((event) => event.uid),
    );
  });

  it('answer the same bytes for the same data, so a polling client gets 304 Not Modified', async () => {
    const path = `/calendars/trainings/${cancelled.id}.ics`;
    const first = await fetchFeed(path);
    const again = await fetchFeed(path);
    expect(again.body).toBe(first.body);
    const etag = first.response.headers.get('etag');
    expect(etag).toBeTruthy();
    const conditional = await fetch(`${stack.gatewayUrl}${path}`, {
      // fetch() would otherwise add `cache-control: no-cache`, which asks for a full answer.
      headers: { 'if-none-match': etag ?? '', 'cache-control': 'max-age=0' },
    });
    expect(conditional.status).toBe(304);
  });

  it("list an agency's trainings by acronym or by id, as the agency query does", async () => {
    const byAcronym = await readFeed('/calendars/agencies/unido.ics');
    const byId = await readFeed(`/calendars/agencies/${trainerId}.ics`);
    expect(byAcronym.name).toBe('UNIDO trainings');
    expect(byAcronym.events).toHaveLength(3);
    expect(byId.events.map((event) => event.uid)).toEqual(
      byAcronym.events.map((event) => event.uid),
    );
  });

  it('answer 404 for what does not exist or is not public, 400 naming a bad parameter', async () => {
    const cases: [string, number, RegExp][] = [
      ['/calendars/work-streams/99.ics', 404, /not found/i],
      ['/calendars/agencies/NOPE.ics', 404, /not found/i],
      ['/calendars/trainings/00000000-0000-4000-8000-000000000000.ics', 404, /not found/i],
      [`/calendars/trainings/${draftId}.ics`, 404, /not found/i],
      ['/calendars/trainings/not-a-uuid.ics', 400, /\bid\b.*UUID/],
      ['/calendars/work-streams/six.ics', 400, /\bnumber\b/],
      ['/calendars/work-streams/0.ics', 400, /\bnumber\b/],
      [`/calendars/agencies/${'X'.repeat(30)}.ics`, 400, /\bacronym\b/],
    ];
    for (const [path, status, message] of cases) {
      const { response, body } = await fetchFeed(path);
      expect({ path, status: response.status }).toEqual({ path, status });
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(body).toMatch(message);
    }
  });

  it('cost the same few NATS requests whatever the number of trainings', async () => {
    const bulkWorkStream = await createWorkStream(stack.graphql, 7, [convenerId]);
    const metrics = `${stack.gatewayUrl}/metrics`;
    const requestsFor = async (path: string) => {
      const before = await readCounter(metrics, 'convene_nats_requests_total');
      const feed = await readFeed(path);
      return {
        requests: (await readCounter(metrics, 'convene_nats_requests_total')) - before,
        events: feed.events.length,
      };
    };
    const insertScheduled = (count: number, startsAt = 'now()') =>
      stack.database.query(
        `WITH inserted AS (
           INSERT INTO events.training
             (work_stream_id, title, kind, format, status, starts_at, ends_at)
           SELECT $1::uuid, 'Bulk training ' || n, 'WEBINAR', 'ONLINE', 'SCHEDULED',
                  ${startsAt}, ${startsAt} + interval '1 hour'
             FROM generate_series(1, $2) AS n
           RETURNING id
         ), sessions AS (
           INSERT INTO events.session (training_id, starts_at, ends_at, time_zone)
           SELECT id, ${startsAt}, ${startsAt} + interval '1 hour', 'UTC' FROM inserted
         )
         INSERT INTO events.assignment (training_id, agency_id, role)
         SELECT id, $3::uuid, 'CONVENER' FROM inserted
         UNION ALL
         SELECT id, $4::uuid, 'TRAINER' FROM inserted`,
        [bulkWorkStream, count, convenerId, trainerId],
      );
    await insertScheduled(1);
    const one = await requestsFor('/calendars/work-streams/7.ics');
    await insertScheduled(59);
    const sixty = await requestsFor('/calendars/work-streams/7.ics');
    expect(one.events).toBe(1);
    expect(sixty.events).toBe(60);
    // work stream, trainings, sessions + assignments, agencies
    expect(one.requests).toBe(5);
    expect(sixty.requests).toBe(one.requests);

    // Past the 100 a feed holds, the old trainings give way to the recent and upcoming ones.
    await insertScheduled(50, `timestamptz '2019-06-01T10:00:00Z'`);
    const crowded = await requestsFor('/calendars/work-streams/7.ics');
    expect(crowded.events).toBe(60);
    expect(crowded.requests).toBe(one.requests + 1);
  });
});
