import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { AuditRpc, TrainingEvents, type AuditEntryDto, type CloudEvent } from '#libs/contracts';
import {
  ANONYMOUS_CALLER,
  newCallContext,
  RpcClient,
  RpcError,
  type Caller,
} from '#libs/messaging';
import { eventually, TEST_CALLER_SIGNING_SECRET } from '#libs/testing';
import { createAgency } from '../support/agency-factory.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';
import { createTraining, createWorkStream } from '../support/training-factory.js';

let stack: ConveneStack;
let rpc: RpcClient;

const ADMIN: Caller = { kind: 'user', id: 'admin-ada', roles: ['admin'] };
const NOT_ADMINS: Record<string, Caller> = {
  convener: { kind: 'user', id: 'convener-1', roles: ['convener'], workStreamIds: [] },
  officer: { kind: 'user', id: 'officer-1', roles: ['officer'] },
  integration: { kind: 'integration', id: 'crm-1', roles: ['integration'] },
  anonymous: ANONYMOUS_CALLER,
};

const AUDIT_LOG = `query($filter: AuditLogFilterInput, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { eventId occurredAt actor type service entity action objectId entityId correlationId } }
  }
}`;

interface AuditLogAnswer {
  auditLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: AuditEntryDto }[];
  };
}

const auditLogAs = (caller: Caller, variables: Record<string, unknown> = {}) =>
  stack.graphqlAs(caller).data<AuditLogAnswer>(AUDIT_LOG, variables);

/** The entries matching `filter`, once there are `count` of them. */
const entriesOnce = async (filter: Record<string, unknown>, count: number) =>
  (
    await eventually(
      () => auditLogAs(ADMIN, { filter }),
      (answer) => answer.auditLog.totalCount >= count,
    )
  ).auditLog.edges.map((edge) => edge.node);

beforeAll(async () => {
  stack = await startConveneStack();
  rpc = await RpcClient.connect({
    url: stack.nats.url,
    name: 'audit-test',
    timeoutMs: 2000,
    callerSigningSecret: TEST_CALLER_SIGNING_SECRET,
  });
});

afterAll(async () => {
  await rpc?.close();
  await stack?.stop();
});

describe('the audit log', () => {
  it('records a mutation with its actor, object, action, time and request', async () => {
    const before = Date.now();
    const { id: agencyId } = await createAgency(stack.graphqlAs(ADMIN), { acronym: 'UNIDO' });

    const [entry] = await entriesOnce({ objectId: agencyId }, 1);
    expect(entry).toEqual({
      eventId: expect.any(String),
      occurredAt: expect.any(String),
      actor: 'admin-ada',
      type: 'convene.agencies.agency.created',
      service: 'agencies',
      entity: 'agency',
      action: 'created',
      objectId: agencyId,
      entityId: null,
      correlationId: expect.any(String),
    });
    const occurredAt = Date.parse(entry!.occurredAt);
    expect(occurredAt).toBeGreaterThanOrEqual(before - 1000);
    expect(occurredAt).toBeLessThanOrEqual(Date.now());
  });

  it('finds a part of an object by its own id, and filters by actor, type and time', async () => {
    const admin = stack.graphqlAs(ADMIN);
    const unesco = await createAgency(admin, { acronym: 'UNESCO' });
    const workStreamId = await createWorkStream(admin, 6, [unesco.id]);
    const training = await createTraining(admin, workStreamId);
    const session = await stack
      .graphqlAs({
        kind: 'user',
        id: 'convener-6',
        roles: ['convener'],
        workStreamIds: [workStreamId],
      })
      .request<{ addSession: { id: string } }>(
        `mutation($input: AddSessionInput!) { addSession(input: $input) { id } }`,
        {
          input: {
            trainingId: training.id,
            startsAt: '2030-11-10T14:00:00Z',
            endsAt: '2030-11-10T16:00:00Z',
            timeZone: 'Europe/Vienna',
          },
        },
      );
    const sessionId = session.data!.addSession.id;

    const ofTraining = await entriesOnce({ objectId: training.id }, 2);
    expect(ofTraining.map((entry) => entry.type).sort()).toEqual([
      TrainingEvents.sessionAdded,
      TrainingEvents.trainingCreated,
    ]);
    const [ofSession] = await entriesOnce({ objectId: sessionId }, 1);
    expect(ofSession).toMatchObject({
      objectId: training.id,
      entityId: sessionId,
      entity: 'session',
      action: 'added',
      actor: 'convener-6',
    });

    const byConvener = await entriesOnce({ actor: 'convener-6' }, 1);
    expect(byConvener.map((entry) => entry.entityId)).toEqual([sessionId]);
    const created = await entriesOnce({ type: TrainingEvents.trainingCreated }, 1);
    expect(created.map((entry) => entry.objectId)).toEqual([training.id]);
    const inFuture = await auditLogAs(ADMIN, {
      filter: { from: new Date(Date.now() + 60_000).toISOString() },
    });
    expect(inFuture.auditLog.totalCount).toBe(0);
    const beforeAll = await auditLogAs(ADMIN, { filter: { to: '2000-01-01T00:00:00Z' } });
    expect(beforeAll.auditLog.totalCount).toBe(0);
  });

  it('pages newest first, with the keyset cursors of the other lists', async () => {
    const whole = await auditLogAs(ADMIN, { first: 100 });
    const all = whole.auditLog.edges.map((edge) => edge.node);
    expect(all.length).toBeGreaterThanOrEqual(5);
    const times = all.map((entry) => Date.parse(entry.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: AuditLogAnswer = await auditLogAs(ADMIN, { first: 2, after });
      seen.push(...page.auditLog.edges.map((edge) => edge.node.eventId));
      if (!page.auditLog.pageInfo.hasNextPage) break;
      after = page.auditLog.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((entry) => entry.eventId));
  });

  it.each(Object.keys(NOT_ADMINS))('is FORBIDDEN to the %s, through GraphQL', async (who) => {
    const response = await stack.graphqlAs(NOT_ADMINS[who]!).request(AUDIT_LOG);
    expect(response.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(response.data?.auditLog ?? null).toBeNull();
  });

  it('is FORBIDDEN over HTTP without a token and directly over NATS to anyone but an admin', async () => {
    const overHttp = await stack.anonymous.request(AUDIT_LOG);
    expect(overHttp.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    for (const caller of Object.values(NOT_ADMINS)) {
      const refused = await rpc.request(AuditRpc.list, {}, newCallContext(caller)).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(RpcError);
      expect((refused as RpcError).code).toBe('FORBIDDEN');
    }
    const page = await rpc.request(AuditRpc.list, { first: 1 }, newCallContext(ADMIN));
    expect(page.edges).toHaveLength(1);
  });

  it('rejects a malformed filter, naming the field', async () => {
    const response = await stack
      .graphqlAs(ADMIN)
      .request(AUDIT_LOG, { filter: { from: 'yesterday', type: 'training.created' } });
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions.fields?.map((field) => field.field).sort()).toEqual([
      'filter.from',
      'filter.type',
    ]);
  });
});

describe('the audit consumer', () => {
  /** Publishes straight to the stream, as a relay would, bypassing JetStream's dedupe window. */
  async function publishRaw(event: CloudEvent<object>, times: number): Promise<void> {
    const connection = await connect({ servers: stack.nats.url });
    try {
      const client = jetstream(connection);
      for (let copy = 0; copy < times; copy += 1) {
        await client.publish(event.type, JSON.stringify(event), { msgID: `${event.id}-${copy}` });
      }
    } finally {
      await connection.close();
    }
  }

  const event = (): CloudEvent<object> => ({
    specversion: '1.0',
    id: randomUUID(),
    source: '/convene/events',
    type: TrainingEvents.trainingUpdated,
    subject: randomUUID(),
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: { training: {}, changedFields: ['title'] },
    conveneactor: 'duplicate-test',
    convenecorrelationid: randomUUID(),
  });

  it('stores an event delivered twice once', async () => {
    const twice = event();
    await publishRaw(twice, 2);
    const marker = event();
    await publishRaw(marker, 1);
    // The marker came after both copies: once it is stored, both copies have been handled.
    await entriesOnce({ objectId: marker.subject }, 1);
    const stored = await auditLogAs(ADMIN, { filter: { objectId: twice.subject } });
    expect(stored.auditLog.totalCount).toBe(1);
    expect(stored.auditLog.edges[0]?.node.eventId).toBe(twice.id);
    const [{ count }] = await stack.database.query<{ count: string }>(
      'SELECT count(*) FROM audit.entry WHERE event_id = $1',
      [twice.id],
    );
    expect(Number(count)).toBe(1);
  });

  it('catches up on the events published while it was down', async () => {
    await stack.stopService('audit');
    const whileDown = event();
    await publishRaw(whileDown, 1);
    await stack.startService('audit');
    const [entry] = await entriesOnce({ objectId: whileDown.subject }, 1);
    expect(entry?.eventId).toBe(whileDown.id);
  });
});
