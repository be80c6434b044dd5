import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema } from 'graphql';
import { eventually, testToken, type GraphQLResponse, type GraphQLTestClient } from '#libs/testing';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { printGatewaySchema } from '../../apps/gateway/src/graphql/schema.js';
import { createAgency } from '../support/agency-factory.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';
import { createTraining, createWorkStream } from '../support/training-factory.js';

// Every mutation and every protected field × every kind of caller → allowed, or refused with
// FORBIDDEN / UNAUTHENTICATED, as the rules of README "Roles, tokens and API keys" say. The
// mutations come from the built schema: a new mutation without a row here fails the test.

type Who = 'anonymous' | 'integration' | 'officer' | 'convener' | 'otherConvener' | 'admin';
const EVERYONE: Who[] = [
  'anonymous',
  'integration',
  'officer',
  'convener',
  'otherConvener',
  'admin',
];

interface Attempt {
  query: string;
  variables: Record<string, unknown>;
}

interface MutationRule {
  allowed: Who[];
  /** Builds, as an admin, a fresh target in the state the mutation needs, and the request. */
  attempt: () => Promise<Attempt>;
}

let stack: ConveneStack;
let receiver: WebhookReceiver;
const clients = {} as Record<Who, GraphQLTestClient>;
let officerAgency: string;
let otherAgency: string;
let ownWorkStream: string;
let otherWorkStream: string;
let sequence = 0;
const next = () => (sequence += 1);

const admin = () => stack.graphql;

async function session(trainingId: string, daysFromNow: number): Promise<string> {
  const start = new Date(Date.now() + daysFromNow * 86_400_000);
  const data = await admin().data<{ addSession: { id: string } }>(
    `mutation($input: AddSessionInput!) { addSession(input: $input) { id } }`,
    {
      input: {
        trainingId,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
        timeZone: 'Europe/Vienna',
      },
    },
  );
  return data.addSession.id;
}

async function assign(trainingId: string, role: string): Promise<string> {
  const data = await admin().data<{ assign: { id: string } }>(
    `mutation($input: AssignInput!) { assign(input: $input) { id } }`,
    { input: { trainingId, agencyId: officerAgency, role } },
  );
  return data.assign.id;
}

async function transition(name: string, id: string): Promise<void> {
  await admin().data(`mutation($id: ID!) { ${name}(id: $id) { id } }`, { id });
}

/** A training of the convener's work stream in the state asked for. */
async function training(
  state: 'DRAFT' | 'SCHEDULED' | 'IN_PROGRESS' | 'ENDED',
): Promise<{ id: string; sessionId?: string }> {
  const { id } = await createTraining(admin(), ownWorkStream, { title: `Training ${next()}` });
  if (state === 'DRAFT') return { id };
  const sessionId = await session(id, state === 'ENDED' ? -2 : 7);
  await assign(id, 'CONVENER');
  await assign(id, 'TRAINER');
  await transition('scheduleTraining', id);
  if (state !== 'SCHEDULED') await transition('startTraining', id);
  return { id, sessionId };
}

async function person(): Promise<string> {
  const data = await admin().data<{ addPerson: { id: string } }>(
    `mutation($input: AddPersonInput!) { addPerson(input: $input) { id } }`,
    { input: { agencyId: officerAgency, name: `Person ${next()}` } },
  );
  return data.addPerson.id;
}

async function resource(): Promise<string> {
  const data = await admin().data<{ publishResource: { id: string } }>(
    `mutation($input: PublishResourceInput!) { publishResource(input: $input) { id } }`,
    { input: resourceInput() },
  );
  return data.publishResource.id;
}

function resourceInput() {
  return {
    title: `Guide ${next()}`,
    type: 'POLICY_GUIDE',
    language: 'en',
    workStreamId: ownWorkStream,
  };
}

async function registration(trainingId: string): Promise<string> {
  const data = await admin().data<{ registerParticipant: { id: string } }>(
    `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id } }`,
    { input: participant(trainingId) },
  );
  return data.registerParticipant.id;
}

function participant(trainingId: string) {
  return {
    trainingId,
    name: `Participant ${next()}`,
    organization: 'Ministry of Science',
    country: 'KE',
    kind: 'GOVERNMENT_OFFICIAL',
  };
}

const byId = (mutation: string, id: string): Attempt => ({
  query: `mutation($id: ID!) { ${mutation}(id: $id) { id } }`,
  variables: { id },
});
const withInput = (mutation: string, type: string, input: object): Attempt => ({
  query: `mutation($input: ${type}!) { ${mutation}(input: $input) { __typename } }`,
  variables: { input },
});

const ADMINS: Who[] = ['admin'];
const OFFICERS: Who[] = ['admin', 'officer'];
const CONVENERS: Who[] = ['admin', 'convener'];

/** Who may run each mutation; the targets are in the convener's work stream and the officer's agency. */
const MUTATIONS: Record<string, MutationRule> = {
  createAgency: {
    allowed: ADMINS,
    attempt: async () =>
      withInput('createAgency', 'CreateAgencyInput', {
        acronym: `AM${next()}`,
        name: 'Matrix Agency',
        kind: 'SPECIALIZED_AGENCY',
        headquarters: 'Geneva',
      }),
  },
  updateAgency: {
    allowed: OFFICERS,
    attempt: async () =>
      withInput('updateAgency', 'UpdateAgencyInput', {
        id: officerAgency,
        headquarters: `Vienna ${next()}`,
      }),
  },
  archiveAgency: {
    allowed: ADMINS,
    attempt: async () => byId('archiveAgency', (await createAgency(admin())).id),
  },
  addPerson: {
    allowed: OFFICERS,
    attempt: async () =>
      withInput('addPerson', 'AddPersonInput', { agencyId: officerAgency, name: 'New Person' }),
  },
  updatePerson: {
    allowed: OFFICERS,
    attempt: async () =>
      withInput('updatePerson', 'UpdatePersonInput', { id: await person(), title: 'Officer' }),
  },
  removePerson: { allowed: OFFICERS, attempt: async () => byId('removePerson', await person()) },
  createWorkStream: {
    allowed: ADMINS,
    attempt: async () =>
      withInput('createWorkStream', 'CreateWorkStreamInput', {
        number: 100 + next(),
        title: 'A new work stream',
        convenerAgencyIds: [officerAgency],
      }),
  },
  updateWorkStream: {
    allowed: ADMINS,
    attempt: async () =>
      withInput('updateWorkStream', 'UpdateWorkStreamInput', {
        id: ownWorkStream,
        mandate: `Mandate ${next()}`,
      }),
  },
  createSeries: {
    allowed: CONVENERS,
    attempt: async () =>
      withInput('createSeries', 'CreateSeriesInput', {
        workStreamId: ownWorkStream,
        title: 'A series',
      }),
  },
  createTraining: {
    allowed: CONVENERS,
    attempt: async () =>
      withInput('createTraining', 'CreateTrainingInput', {
        workStreamId: ownWorkStream,
        title: 'A new training',
        kind: 'WEBINAR',
        format: 'ONLINE',
      }),
  },
  updateTraining: {
    allowed: CONVENERS,
    attempt: async () =>
      withInput('updateTraining', 'UpdateTrainingInput', {
        id: (await training('DRAFT')).id,
        title: 'Renamed',
      }),
  },
  scheduleTraining: {
    allowed: CONVENERS,
    attempt: async () => {
      const { id } = await training('DRAFT');
      await session(id, 7);
      await assign(id, 'CONVENER');
      await assign(id, 'TRAINER');
      return byId('scheduleTraining', id);
    },
  },
  startTraining: {
    allowed: CONVENERS,
    attempt: async () => byId('startTraining', (await training('SCHEDULED')).id),
  },
  completeTraining: {
    allowed: CONVENERS,
    attempt: async () => byId('completeTraining', (await training('ENDED')).id),
  },
  cancelTraining: {
    allowed: CONVENERS,
    attempt: async () => byId('cancelTraining', (await training('DRAFT')).id),
  },
  addSession: {
    allowed: CONVENERS,
    attempt: async () => {
      const start = Date.now() + 30 * 86_400_000;
      return withInput('addSession', 'AddSessionInput', {
        trainingId: (await training('DRAFT')).id,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 3_600_000).toISOString(),
        timeZone: 'UTC',
      });
    },
  },
  updateSession: {
    allowed: CONVENERS,
    attempt: async () =>
      withInput('updateSession', 'UpdateSessionInput', {
        id: await session((await training('DRAFT')).id, 9),
        title: 'Renamed session',
      }),
  },
  removeSession: {
    allowed: CONVENERS,
    attempt: async () => byId('removeSession', await session((await training('DRAFT')).id, 9)),
  },
  assign: {
    allowed: CONVENERS,
    attempt: async () =>
      withInput('assign', 'AssignInput', {
        trainingId: (await training('DRAFT')).id,
        agencyId: otherAgency,
        role: 'TRAINER',
      }),
  },
  unassign: {
    allowed: CONVENERS,
    attempt: async () => byId('unassign', await assign((await training('DRAFT')).id, 'ORGANIZER')),
  },
  registerParticipant: {
    allowed: CONVENERS,
    attempt: async () =>
      withInput(
        'registerParticipant',
        'RegisterParticipantInput',
        participant((await training('SCHEDULED')).id),
      ),
  },
  recordAttendance: {
    allowed: CONVENERS,
    attempt: async () => {
      const { id, sessionId } = await training('SCHEDULED');
      return withInput('recordAttendance', 'RecordAttendanceInput', {
        registrationId: await registration(id),
        sessionId,
        attended: true,
      });
    },
  },
  submitFeedback: {
    allowed: CONVENERS,
    attempt: async () =>
      withInput('submitFeedback', 'SubmitFeedbackInput', {
        trainingId: (await training('IN_PROGRESS')).id,
        rating: 5,
        suggestedTopics: ['foresight'],
      }),
  },
  publishResource: {
    allowed: CONVENERS,
    attempt: async () => withInput('publishResource', 'PublishResourceInput', resourceInput()),
  },
  updateResource: {
    allowed: CONVENERS,
    attempt: async () =>
      withInput('updateResource', 'UpdateResourceInput', {
        id: await resource(),
        summary: 'Now with a summary',
      }),
  },
  linkResource: {
    allowed: CONVENERS,
    attempt: async () =>
      withInput('linkResource', 'LinkResourceInput', {
        id: await resource(),
        trainingIds: [(await training('DRAFT')).id],
      }),
  },
  unlinkResource: {
    allowed: CONVENERS,
    attempt: async () =>
      withInput('unlinkResource', 'LinkResourceInput', {
        id: await resource(),
        trainingIds: [(await training('DRAFT')).id],
      }),
  },
  archiveResource: {
    allowed: CONVENERS,
    attempt: async () => byId('archiveResource', await resource()),
  },
  createApiKey: {
    allowed: ADMINS,
    attempt: async () =>
      withInput('createApiKey', 'CreateApiKeyInput', {
        name: `Calendar ${next()}`,
        eventTypes: ['convene.events.training.scheduled'],
      }),
  },
  revokeApiKey: {
    allowed: ADMINS,
    attempt: async () => byId('revokeApiKey', (await apiKey(`Revocable ${next()}`)).id),
  },
  registerWebhookEndpoint: {
    allowed: ADMINS,
    attempt: async () =>
      withInput('registerWebhookEndpoint', 'RegisterWebhookEndpointInput', {
        url: `https://calendar.example.org/hooks/${next()}`,
        eventTypes: ['convene.events.training.scheduled'],
      }),
  },
  enableWebhookEndpoint: {
    allowed: ADMINS,
    attempt: async () => byId('enableWebhookEndpoint', await webhookEndpoint()),
  },
  disableWebhookEndpoint: {
    allowed: ADMINS,
    attempt: async () => byId('disableWebhookEndpoint', await webhookEndpoint()),
  },
  rotateWebhookEndpointSecret: {
    allowed: ADMINS,
    attempt: async () => ({
      query: `mutation($id: ID!) { rotateWebhookEndpointSecret(id: $id) { secret } }`,
      variables: { id: await webhookEndpoint() },
    }),
  },
  deleteWebhookEndpoint: {
    allowed: ADMINS,
    attempt: async () => byId('deleteWebhookEndpoint', await webhookEndpoint()),
  },
  replayWebhookDelivery: {
    allowed: ADMINS,
    attempt: async () => byId('replayWebhookDelivery', await webhookDelivery()),
  },
};

/** An endpoint of the test's own receiver, which answers 200. */
async function webhookEndpoint(eventType = 'convene.events.training.scheduled'): Promise<string> {
  const data = await admin().data<{ registerWebhookEndpoint: { endpoint: { id: string } } }>(
    `mutation($input: RegisterWebhookEndpointInput!) {
      registerWebhookEndpoint(input: $input) { endpoint { id } } }`,
    { input: { url: `${receiver.baseUrl}/hooks/${next()}`, eventTypes: [eventType] } },
  );
  return data.registerWebhookEndpoint.endpoint.id;
}

/** A delivered webhook: an agency created after its endpoint registered. */
async function webhookDelivery(): Promise<string> {
  const endpointId = await webhookEndpoint('convene.agencies.agency.created');
  await createAgency(admin());
  const deliveries = await eventually(
    async () =>
      (
        await admin().data<{
          webhookEndpoint: { deliveries: { edges: { node: { id: string } }[] } };
        }>(
          `query($id: ID!) { webhookEndpoint(id: $id) { deliveries(first: 1) { edges { node { id } } } } }`,
          { id: endpointId },
        )
      ).webhookEndpoint.deliveries.edges,
    (edges) => edges.length > 0,
    10_000,
  );
  const delivery = deliveries[0];
  if (!delivery) throw new Error('no delivery was recorded');
  return delivery.node.id;
}

async function apiKey(name: string): Promise<{ id: string; key: string }> {
  const data = await admin().data<{ createApiKey: { key: string; apiKey: { id: string } } }>(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }`,
    { input: { name, eventTypes: ['convene.events.training.scheduled'] } },
  );
  return { id: data.createApiKey.apiKey.id, key: data.createApiKey.key };
}

const REFUSAL: Record<'anonymous' | 'signedIn', string> = {
  anonymous: 'UNAUTHENTICATED',
  signedIn: 'FORBIDDEN',
};

function outcome(response: GraphQLResponse<unknown>): string {
  return response.errors?.[0]?.extensions.code ?? 'OK';
}

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  stack = await startConveneStack({ serviceEnv: { WEBHOOK_ALLOW_PRIVATE_URLS: 'true' } });
  officerAgency = (await createAgency(admin())).id;
  otherAgency = (await createAgency(admin())).id;
  ownWorkStream = await createWorkStream(admin(), 61, [officerAgency]);
  otherWorkStream = await createWorkStream(admin(), 62, [otherAgency]);
  clients.admin = stack.graphql;
  clients.anonymous = stack.anonymous;
  clients.integration = stack.anonymous.as((await apiKey('Matrix integration')).key);
  clients.officer = stack.anonymous.as(
    await testToken({ roles: ['officer'], agencyId: officerAgency, subject: 'officer' }),
  );
  clients.convener = stack.anonymous.as(
    await testToken({ roles: ['convener'], workStreamIds: [ownWorkStream], subject: 'convener' }),
  );
  clients.otherConvener = stack.anonymous.as(
    await testToken({
      roles: ['convener'],
      workStreamIds: [otherWorkStream],
      subject: 'other-convener',
    }),
  );
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await receiver?.stop();
});

describe('the authorization matrix', () => {
  it('has a rule for every mutation of the schema', async () => {
    const mutations = Object.keys(
      buildSchema(await printGatewaySchema())
        .getMutationType()
        ?.getFields() ?? {},
    );
    expect(mutations.length).toBeGreaterThan(0);
    expect(Object.keys(MUTATIONS).sort()).toEqual([...mutations].sort());
  });

  it.each(Object.keys(MUTATIONS))('%s: allowed or refused for every caller', async (mutation) => {
    const rule = MUTATIONS[mutation] as MutationRule;
    const seen: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const who of EVERYONE) {
      const { query, variables } = await rule.attempt();
      const response = await clients[who].request(query, variables);
      seen[who] = outcome(response);
      expected[who] = rule.allowed.includes(who)
        ? 'OK'
        : REFUSAL[who === 'anonymous' ? 'anonymous' : 'signedIn'];
      if (seen[who] !== 'OK') expect(response.data?.[mutation as never] ?? null).toBeNull();
    }
    expect(seen).toEqual(expected);
  });
});

describe('protected fields', () => {
  it('apiKeys: admins only', async () => {
    const seen = Object.fromEntries(
      await Promise.all(
        EVERYONE.map(async (who) => [
          who,
          outcome(await clients[who].request('{ apiKeys { id } }')),
        ]),
      ),
    );
    expect(seen).toEqual({
      anonymous: 'UNAUTHENTICATED',
      integration: 'FORBIDDEN',
      officer: 'FORBIDDEN',
      convener: 'FORBIDDEN',
      otherConvener: 'FORBIDDEN',
      admin: 'OK',
    });
  });

  it('a draft training: seen by admins and its work stream conveners, not found by others', async () => {
    const draft = await training('DRAFT');
    const scheduled = await training('SCHEDULED');
    const seen: Record<string, unknown> = {};
    for (const who of EVERYONE) {
      const one = await clients[who].request(`query($id: ID!) { training(id: $id) { id } }`, {
        id: draft.id,
      });
      const listed = await clients[who].data<{
        workStream: { trainings: { id: string }[] };
      }>(`query($id: ID!) { workStream(id: $id) { trainings { id } } }`, { id: ownWorkStream });
      const ids = listed.workStream.trainings.map((item) => item.id);
      expect(ids).toContain(scheduled.id);
      seen[who] = { get: outcome(one), listed: ids.includes(draft.id) };
    }
    const hidden = { get: 'NOT_FOUND', listed: false };
    const visible = { get: 'OK', listed: true };
    expect(seen).toEqual({
      anonymous: hidden,
      integration: hidden,
      officer: hidden,
      convener: visible,
      otherConvener: hidden,
      admin: visible,
    });
  });
});
