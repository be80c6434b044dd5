import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Ajv from 'ajv';
import {
  AgencyKind,
  AgencyRpc,
  AssignmentRole,
  EventsRpc,
  IdentityRpc,
  KnowledgeRpc,
  ResourceType,
  TrainingFormat,
  TrainingKind,
  TrainingEvents,
  TrainingStatus,
  WebhookRpc,
  WorkStreamRpc,
} from '#libs/contracts';
import { newCallContext, RpcClient, SYSTEM_CALLER, type CallContext } from '#libs/messaging';
import {
  eventually,
  readEventStream,
  type StoredEvent,
  TEST_CALLER_SIGNING_SECRET,
} from '#libs/testing';
import { DEMO_AGENCIES } from '../../apps/seed/src/demo-data/agencies.js';
import { DEMO_WORK_STREAMS } from '../../apps/seed/src/demo-data/work-streams.js';
import { seedAgencies } from '../../apps/seed/src/seed-agencies.js';
import { seedKnowledge } from '../../apps/seed/src/seed-knowledge.js';
import { seedPilotSeries } from '../../apps/seed/src/seed-pilot-series.js';
import { seedWorkStreams } from '../../apps/seed/src/seed-work-streams.js';
import { parseAsyncApi, payloadSchemas } from '../support/asyncapi-document.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';

let stack: ConveneStack;
let rpc: RpcClient;
let schemas: Map<string, object>;

beforeAll(async () => {
  const [started, parsed] = await Promise.all([startConveneStack(), parseAsyncApi()]);
  stack = started;
  if (!parsed.document) throw new Error('the AsyncAPI document did not parse');
  schemas = payloadSchemas(parsed.document);
  rpc = await RpcClient.connect({
    url: stack.nats.url,
    name: 'events-test',
    timeoutMs: 5000,
    callerSigningSecret: TEST_CALLER_SIGNING_SECRET,
  });
});

afterAll(async () => {
  await rpc?.close();
  await stack?.stop();
});

/** The demo data of the reference story, loaded as `npm run seed` does. */
async function seedDemo(call: CallContext) {
  const agencies = await seedAgencies(rpc, call, DEMO_AGENCIES);
  const workStreams = await seedWorkStreams(rpc, call, DEMO_WORK_STREAMS, agencies.ids);
  const workStream6 = workStreams.byNumber.get(6);
  if (!workStream6) throw new Error('Work Stream 6 is missing');
  await seedPilotSeries(rpc, call, workStream6, agencies.ids);
  await seedKnowledge(rpc, call, workStream6, agencies.ids);
  return { workStream6, unidoId: agencies.ids.get('UNIDO') ?? '' };
}

/** The changes the seed never makes: corrections, removals, a cancelled training, an archived resource. */
async function correctAndRetire(call: CallContext, workStreamId: string, unidoId: string) {
  const agency = await rpc.request(
    AgencyRpc.create,
    { acronym: 'TEMP', name: 'Temporary agency', kind: AgencyKind.OTHER, headquarters: 'Bonn' },
    call,
  );
  await rpc.request(AgencyRpc.update, { id: agency.id, headquarters: 'Bonn, Germany' }, call);
  const person = await rpc.request(
    AgencyRpc.addPerson,
    { agencyId: agency.id, name: 'A. Focal' },
    call,
  );
  await rpc.request(AgencyRpc.updatePerson, { id: person.id, title: 'Focal point' }, call);
  await rpc.request(AgencyRpc.removePerson, { id: person.id }, call);
  await rpc.request(AgencyRpc.archive, { id: agency.id }, call);
  await rpc.request(
    WorkStreamRpc.update,
    { id: workStreamId, mandate: 'STI capacity building' },
    call,
  );

  const training = await rpc.request(
    EventsRpc.createTraining,
    {
      workStreamId,
      title: 'A webinar that will not happen',
      kind: TrainingKind.WEBINAR,
      format: TrainingFormat.ONLINE,
    },
    call,
  );
  await rpc.request(EventsRpc.updateTraining, { id: training.id, topics: ['STI roadmaps'] }, call);
  const session = await rpc.request(
    EventsRpc.addSession,
    {
      trainingId: training.id,
      startsAt: '2031-01-10T09:00:00Z',
      endsAt: '2031-01-10T10:00:00Z',
      timeZone: 'UTC',
    },
    call,
  );
  await rpc.request(EventsRpc.updateSession, { id: session.id, title: 'Opening' }, call);
  await rpc.request(EventsRpc.removeSession, { id: session.id }, call);
  const assignment = await rpc.request(
    EventsRpc.assign,
    { trainingId: training.id, agencyId: unidoId, role: AssignmentRole.ORGANIZER },
    call,
  );
  await rpc.request(EventsRpc.unassign, { id: assignment.id }, call);

  const resource = await rpc.request(
    KnowledgeRpc.publish,
    { title: 'Draft agenda', type: ResourceType.TRAINING_MATERIAL, language: 'en', workStreamId },
    call,
  );
  await rpc.request(KnowledgeRpc.update, { id: resource.id, title: 'Agenda' }, call);
  await rpc.request(KnowledgeRpc.link, { id: resource.id, trainingIds: [training.id] }, call);
  await rpc.request(KnowledgeRpc.unlink, { id: resource.id, trainingIds: [training.id] }, call);
  await rpc.request(KnowledgeRpc.archive, { id: resource.id }, call);
  await rpc.request(
    EventsRpc.transitionTraining,
    { id: training.id, status: TrainingStatus.CANCELLED },
    call,
  );

  const { endpoint } = await rpc.request(
    WebhookRpc.registerEndpoint,
    { url: 'https://calendar.example.org/hooks', eventTypes: [TrainingEvents.trainingCancelled] },
    call,
  );
  await rpc.request(WebhookRpc.disableEndpoint, { id: endpoint.id }, call);
  await rpc.request(WebhookRpc.enableEndpoint, { id: endpoint.id }, call);
  await rpc.request(WebhookRpc.rotateEndpointSecret, { id: endpoint.id }, call);
  await rpc.request(WebhookRpc.deleteEndpoint, { id: endpoint.id }, call);

  const { apiKey } = await rpc.request(
    IdentityRpc.createApiKey,
    { name: 'UN calendar', eventTypes: [TrainingEvents.trainingScheduled] },
    call,
  );
  await rpc.request(IdentityRpc.revokeApiKey, { id: apiKey.id }, call);
}

describe('the events on the stream match the AsyncAPI document', () => {
  it('every event of a realistic run validates against its channel, and every channel is used', async () => {
    const call = newCallContext(SYSTEM_CALLER);
    const { workStream6, unidoId } = await seedDemo(call);
    await correctAndRetire(call, workStream6.id, unidoId);

    const channels = [...schemas.keys()].sort();
    const events = await eventually(
      () => readEventStream(stack.nats.url),
      (stored) => channels.every((type) => stored.some((entry) => entry.subject === type)),
      15_000,
    );
    expect([...new Set(events.map((entry) => entry.subject))].sort()).toEqual(channels);

    const ajv = new Ajv({ allErrors: true });
    const validators = new Map([...schemas].map(([type, schema]) => [type, ajv.compile(schema)]));
    const invalid = events.flatMap((entry: StoredEvent) => {
      const validate = validators.get(entry.subject);
      if (!validate) return [`${entry.subject}: no channel in the AsyncAPI document`];
      if (validate(entry.event)) return [];
      return [`${entry.subject}: ${ajv.errorsText(validate.errors)}`];
    });
    expect(invalid).toEqual([]);
    expect(events.every((entry) => entry.event.type === entry.subject)).toBe(true);
    expect(events.length).toBeGreaterThan(100);
  });

  it('a payload that breaks its schema is refused, so the check above can fail', () => {
    const ajv = new Ajv({ allErrors: true });
    const validate = ajv.compile(schemas.get('convene.events.session.added') ?? {});
    const broken = {
      specversion: '1.0',
      id: '6f1c1a43-3d1e-4c2f-9d57-1f0e2b8f3a10',
      source: '/convene/events',
      type: 'convene.events.session.added',
      subject: '6f1c1a43-3d1e-4c2f-9d57-1f0e2b8f3a11',
      time: '2026-11-29T05:00:00.000Z',
      datacontenttype: 'application/json',
      conveneactor: 'system',
      convenecorrelationid: 'abc12345',
      data: { session: { id: 'not-a-uuid', trainingId: '6f1c1a43-3d1e-4c2f-9d57-1f0e2b8f3a11' } },
    };
    expect(validate(broken)).toBe(false);
    expect(ajv.errorsText(validate.errors)).toMatch(/startsAt|format/);
  });
});
