import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import type { DataSource, EntityManager } from 'typeorm';
import { AgencyKind, ErrorCode, type CloudEvent } from '#libs/contracts';
import { newCallContext, RpcError, type CallContext, type Caller } from '#libs/messaging';
import { OutboxWriter, runMigrations, type DomainEventInput } from '#libs/persistence';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { AgenciesRepository } from '../src/agencies/agencies.repository.js';
import { AgenciesService } from '../src/agencies/agencies.service.js';
import { createDataSourceFor } from '#libs/service';
import { AGENCIES_SERVICE } from '../src/agencies.definition.js';
import { PeopleRepository } from '../src/people/people.repository.js';
import { PeopleService } from '../src/people/people.service.js';

let database: TestDatabase;
let dataSource: DataSource;
let agencies: AgenciesService;
let people: PeopleService;

const admin: Caller = { kind: 'user', id: 'admin-1', roles: ['admin'] };
const call = newCallContext(admin);

function servicesWith(outbox: OutboxWriter) {
  const agencyService = new AgenciesService(dataSource, new AgenciesRepository(dataSource), outbox);
  return {
    agencyService,
    peopleService: new PeopleService(
      dataSource,
      new PeopleRepository(dataSource),
      agencyService,
      outbox,
    ),
  };
}

async function rpcErrorOf(promise: Promise<unknown>): Promise<RpcError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RpcError) return error;
    throw error;
  }
  throw new Error('expected an RpcError');
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = await createDataSourceFor(AGENCIES_SERVICE, database.url, 4).initialize();
  await runMigrations(dataSource, 'agencies');
  ({ agencyService: agencies, peopleService: people } = servicesWith(
    new OutboxWriter('/convene/agencies'),
  ));
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

beforeEach(async () => {
  await database.query('TRUNCATE agencies.outbox, agencies.person, agencies.agency');
});

const outboxEvents = () =>
  database.query<{
    type: string;
    aggregate_id: string;
    envelope: CloudEvent<Record<string, unknown>>;
  }>('SELECT type, aggregate_id, envelope FROM agencies.outbox ORDER BY position');

const itu = {
  acronym: 'ITU',
  name: 'International Telecommunication Union',
  kind: AgencyKind.SPECIALIZED_AGENCY,
  headquarters: 'Geneva',
};

describe('every committed change has its domain event', () => {
  it('records a CloudEvent with the change, the actor and the correlation id', async () => {
    const created = await agencies.create(itu, call);
    const [event] = await outboxEvents();
    expect(event?.type).toBe('convene.agencies.agency.created');
    expect(event?.aggregate_id).toBe(created.id);
    expect(event?.envelope).toMatchObject({
      specversion: '1.0',
      source: '/convene/agencies',
      type: 'convene.agencies.agency.created',
      subject: created.id,
      datacontenttype: 'application/json',
      data: { agency: created },
      conveneactor: 'admin-1',
      convenecorrelationid: call.correlationId,
    });
  });

  it('records an update with the fields that changed, and nothing for a no-op', async () => {
    const created = await agencies.create(itu, call);
    await agencies.update({ id: created.id, headquarters: 'Geneva' }, call);
    await agencies.update(
      { id: created.id, headquarters: 'Genève', website: 'https://www.itu.int' },
      call,
    );
    const events = await outboxEvents();
    expect(events.map((event) => event.type)).toEqual([
      'convene.agencies.agency.created',
      'convene.agencies.agency.updated',
    ]);
    expect(events[1]?.envelope.data).toMatchObject({ changedFields: ['headquarters', 'website'] });
  });

  it('records people added, updated and removed', async () => {
    const agency = await agencies.create(itu, call);
    const person = await people.add({ agencyId: agency.id, name: 'A Trainer' }, call);
    await people.update({ id: person.id, title: 'Programme Officer' }, call);
    await people.remove({ id: person.id }, call);
    expect((await outboxEvents()).map((event) => event.type)).toEqual([
      'convene.agencies.agency.created',
      'convene.agencies.person.added',
      'convene.agencies.person.updated',
      'convene.agencies.person.removed',
    ]);
  });
});

describe('a failure midway leaves nothing behind', () => {
  it('rolls back the change when its event cannot be recorded', async () => {
    class FailingOutbox extends OutboxWriter {
      override async record<T extends object>(
        _transaction: EntityManager,
        _call: CallContext,
        _event: DomainEventInput<T>,
      ): Promise<CloudEvent<T>> {
        throw new Error('outbox unavailable');
      }
    }
    const { agencyService } = servicesWith(new FailingOutbox('/convene/agencies'));
    await expect(agencyService.create(itu, call)).rejects.toThrow('outbox unavailable');
    expect(await database.query('SELECT 1 FROM agencies.agency')).toHaveLength(0);
    expect(await outboxEvents()).toHaveLength(0);
  });

  it('writes neither the agency nor an event for a duplicate acronym', async () => {
    await agencies.create(itu, call);
    const error = await rpcErrorOf(
      agencies.create({ ...itu, acronym: 'itu', name: 'Duplicate' }, call),
    );
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(await database.query('SELECT 1 FROM agencies.agency')).toHaveLength(1);
    expect(await outboxEvents()).toHaveLength(1);
  });
});

describe('concurrent writers', () => {
  it('let exactly one of two updates based on the same version win', async () => {
    const agency = await agencies.create(itu, call);
    const results = await Promise.allSettled([
      agencies.update({ id: agency.id, expectedVersion: 1, name: 'First writer' }, call),
      agencies.update({ id: agency.id, expectedVersion: 1, name: 'Second writer' }, call),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: ErrorCode.Conflict });
    const [row] = await database.query<{ version: number }>('SELECT version FROM agencies.agency');
    expect(row?.version).toBe(2);
  });
});

describe('migrations', () => {
  it('are reversible and re-appliable', async () => {
    const applied = (AGENCIES_SERVICE.migrations as unknown[]).length;
    for (let undone = 0; undone < applied; undone += 1) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    expect(
      await database.query(
        `SELECT 1 FROM information_schema.tables WHERE table_schema = 'agencies' AND table_name = 'agency'`,
      ),
    ).toHaveLength(0);
    expect(await runMigrations(dataSource, 'agencies')).toEqual([
      'CreateAgencies1764380000000',
      'NotifyOutbox1764380500000',
    ]);
    expect(await runMigrations(dataSource, 'agencies')).toEqual([]);
  });
});
