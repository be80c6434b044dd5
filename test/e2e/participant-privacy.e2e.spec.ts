import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventsRpc, TrainingEvents, type RegistrationDto } from '#libs/contracts';
import { ANONYMOUS_CALLER, newCallContext, RpcClient, type Caller } from '#libs/messaging';
import { eventually, readEventStream, TEST_CALLER_SIGNING_SECRET } from '#libs/testing';
import { createAgency } from '../support/agency-factory.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';
import {
  ADD_SESSION,
  ASSIGN,
  createTraining,
  createWorkStream,
} from '../support/training-factory.js';

let stack: ConveneStack;
let rpc: RpcClient;
let trainingId: string;
let workStream6: string;
let workStream7: string;
const callers: Record<string, Caller> = {};

const PARTICIPANTS = [
  {
    name: 'Amina Wanjiru',
    organization: 'Ministry of ICT, Kenya',
    email: 'a.wanjiru@example.go.ke',
    country: 'KE',
    kind: 'GOVERNMENT_OFFICIAL',
  },
  {
    name: 'Lucas Ferreira',
    organization: 'UNDP Brazil',
    email: 'l.ferreira@example.org',
    country: 'BR',
    kind: 'UN_REPRESENTATIVE',
  },
];

const FEEDBACK_COMMENT = 'Amina Wanjiru here: please send me the slides';

const REGISTRATIONS = `query($id: ID!) {
  training(id: $id) {
    reach { participants countries unRepresentatives }
    feedbackSummary { responses averageRating }
    registrations {
      totalCount
      edges { node { name organization email country kind personalDataWithheld attendedSessionIds } }
    }
  }
}`;

interface RegistrationsAnswer {
  training: {
    reach: { participants: number; countries: number; unRepresentatives: number };
    feedbackSummary: { responses: number; averageRating: number };
    registrations: {
      totalCount: number;
      edges: { node: Omit<RegistrationDto, 'id' | 'trainingId' | 'createdAt'> }[];
    };
  };
}

beforeAll(async () => {
  stack = await startConveneStack();
  rpc = await RpcClient.connect({
    url: stack.nats.url,
    name: 'privacy-test',
    timeoutMs: 2000,
    callerSigningSecret: TEST_CALLER_SIGNING_SECRET,
  });
  const admin = stack.graphqlAs({ kind: 'user', id: 'admin-1', roles: ['admin'] });
  const unesco = await createAgency(admin, { acronym: 'UNESCO' });
  const wipo = await createAgency(admin, { acronym: 'WIPO' });
  workStream6 = await createWorkStream(admin, 6, [unesco.id]);
  workStream7 = await createWorkStream(admin, 7, [wipo.id]);
  Object.assign(callers, {
    admin: { kind: 'user', id: 'admin-1', roles: ['admin'] },
    convenerOfTheTraining: {
      kind: 'user',
      id: 'convener-6',
      roles: ['convener'],
      workStreamIds: [workStream6],
    },
    convenerOfAnotherWorkStream: {
      kind: 'user',
      id: 'convener-7',
      roles: ['convener'],
      workStreamIds: [workStream7],
    },
    officer: { kind: 'user', id: 'officer-1', roles: ['officer'], agencyId: unesco.id },
    integration: {
      kind: 'integration',
      id: 'crm-1',
      roles: ['integration'],
      eventTypes: [TrainingEvents.participantRegistered],
    },
    anonymous: ANONYMOUS_CALLER,
  } satisfies Record<string, Caller>);

  trainingId = (await createTraining(admin, workStream6)).id;
  const session = await admin.data<{ addSession: { id: string } }>(ADD_SESSION, {
    input: {
      trainingId,
      startsAt: '2030-11-10T14:00:00Z',
      endsAt: '2030-11-10T16:00:00Z',
      timeZone: 'Europe/Vienna',
    },
  });
  await admin.data(ASSIGN, { input: { trainingId, agencyId: unesco.id, role: 'CONVENER' } });
  await admin.data(ASSIGN, { input: { trainingId, agencyId: wipo.id, role: 'TRAINER' } });
  await admin.data(`mutation($id: ID!) { scheduleTraining(id: $id) { status } }`, {
    id: trainingId,
  });
  const registered: string[] = [];
  for (const participant of PARTICIPANTS) {
    const answer = await admin.data<{ registerParticipant: { id: string } }>(
      `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`,
      { input: { trainingId, ...participant } },
    );
    registered.push(answer.registerParticipant.id);
  }
  await admin.data(`mutation($id: ID!) { startTraining(id: $id) { status } }`, { id: trainingId });
  await admin.data(
    `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }`,
    { input: { registrationId: registered[0], sessionId: session.addSession.id, attended: true } },
  );
  const feedback = await admin.data<{ submitFeedback: { comment: string | null } }>(
    `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { comment } }`,
    {
      input: {
        trainingId,
        registrationId: registered[0],
        rating: 5,
        comment: FEEDBACK_COMMENT,
        suggestedTopics: ['Technology transfer'],
      },
    },
  );
  expect(feedback.submitFeedback.comment).toBe(FEEDBACK_COMMENT);
});

afterAll(async () => {
  await rpc?.close();
  await stack?.stop();
});

const personalData = (node: { name: unknown; organization: unknown; email: unknown }) => ({
  name: node.name,
  organization: node.organization,
  email: node.email,
});

describe('participants’ names and emails through GraphQL', () => {
  it.each(['admin', 'convenerOfTheTraining'])('are shown to the %s', async (who) => {
    const answer = await stack.graphqlAs(callers[who]!).data<RegistrationsAnswer>(REGISTRATIONS, {
      id: trainingId,
    });
    const nodes = answer.training.registrations.edges.map((edge) => edge.node);
    expect(nodes.map(personalData)).toEqual(
      PARTICIPANTS.map(({ name, organization, email }) => ({ name, organization, email })),
    );
    expect(nodes.every((node) => !node.personalDataWithheld)).toBe(true);
  });

  it.each(['convenerOfAnotherWorkStream', 'officer', 'integration', 'anonymous'])(
    'are withheld from the %s, who still sees the list, attendance, reach and countries',
    async (who) => {
      const answer = await stack
        .graphqlAs(callers[who]!)
        .data<RegistrationsAnswer>(REGISTRATIONS, { id: trainingId });
      const { reach, feedbackSummary, registrations } = answer.training;
      expect(reach).toEqual({ participants: 1, countries: 1, unRepresentatives: 1 });
      expect(feedbackSummary).toEqual({ responses: 1, averageRating: 5 });
      expect(registrations.totalCount).toBe(2);
      expect(registrations.edges.map((edge) => edge.node)).toEqual([
        expect.objectContaining({
          name: null,
          organization: null,
          email: null,
          personalDataWithheld: true,
          country: 'KE',
          kind: 'GOVERNMENT_OFFICIAL',
          attendedSessionIds: [expect.any(String)],
        }),
        expect.objectContaining({
          name: null,
          personalDataWithheld: true,
          country: 'BR',
          attendedSessionIds: [],
        }),
      ]);
    },
  );

  it('are withheld from a client over HTTP with no token', async () => {
    const response = await stack.anonymous.request<RegistrationsAnswer>(REGISTRATIONS, {
      id: trainingId,
    });
    expect(response.errors).toBeUndefined();
    for (const participant of PARTICIPANTS) {
      expect(response.text).not.toContain(participant.name);
      expect(response.text).not.toContain(participant.email);
    }
    expect(response.data?.training.reach.countries).toBe(1);
  });
});

describe('participants’ names and emails asked for directly over NATS', () => {
  const pageAs = async (caller: Caller) => {
    const [page] = await rpc.request(
      EventsRpc.registrationPages,
      { trainingIds: [trainingId] },
      newCallContext(caller),
    );
    return page!.edges.map((edge) => edge.node);
  };

  it('are answered to the admin and the training’s convener only', async () => {
    for (const who of ['admin', 'convenerOfTheTraining']) {
      expect((await pageAs(callers[who]!)).map((node) => node.email)).toEqual(
        PARTICIPANTS.map((participant) => participant.email),
      );
    }
    for (const who of ['convenerOfAnotherWorkStream', 'officer', 'integration', 'anonymous']) {
      const nodes = await pageAs(callers[who]!);
      expect(nodes).toHaveLength(2);
      expect(JSON.stringify(nodes)).not.toMatch(/Wanjiru|Ferreira|example|Ministry|UNDP/);
      expect(nodes.map((node) => node.country)).toEqual(['KE', 'BR']);
    }
  });

  it('a convener role without the training’s work stream is not enough, nor is a work stream without the role', async () => {
    const officerClaimingTheStream: Caller = {
      kind: 'user',
      id: 'officer-2',
      roles: ['officer'],
      workStreamIds: [workStream6],
    };
    expect((await pageAs(officerClaimingTheStream)).map((node) => node.name)).toEqual([null, null]);
  });
});

describe('domain events about participants', () => {
  it('carry ids, country and kind, never a name, organization, email or comment', async () => {
    const stored = await eventually(
      () => readEventStream(stack.nats.url),
      (events) =>
        events.filter((entry) => entry.subject.startsWith('convene.events.registration.'))
          .length === 3,
    );
    const aboutParticipants = stored.filter((entry) =>
      entry.subject.startsWith('convene.events.registration.'),
    );
    expect(aboutParticipants.map((entry) => entry.subject)).toEqual([
      TrainingEvents.participantRegistered,
      TrainingEvents.participantRegistered,
      TrainingEvents.attendanceRecorded,
    ]);
    expect(aboutParticipants[0]?.event.data).toEqual({
      trainingId,
      workStreamId: expect.any(String),
      registration: {
        id: expect.any(String),
        trainingId,
        country: 'KE',
        kind: 'GOVERNMENT_OFFICIAL',
      },
    });
    const feedback = stored.find((entry) => entry.subject === TrainingEvents.feedbackSubmitted);
    expect(feedback?.event.data).toEqual({
      trainingId,
      workStreamId: expect.any(String),
      feedback: {
        id: expect.any(String),
        trainingId,
        rating: 5,
        suggestedTopics: ['Technology transfer'],
      },
    });
    const everything = JSON.stringify(stored);
    expect(everything).not.toContain(FEEDBACK_COMMENT);
    for (const participant of PARTICIPANTS) {
      for (const personal of [participant.name, participant.organization, participant.email]) {
        expect(everything).not.toContain(personal);
      }
    }
  });
});
