import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAgency, type CreatedAgency } from '../support/agency-factory.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';

let stack: ConveneStack;
let unesco: CreatedAgency;
let unctad: CreatedAgency;
let unido: CreatedAgency;

beforeAll(async () => {
  stack = await startConveneStack();
  unesco = await createAgency(stack.graphql, { acronym: 'UNESCO' });
  unctad = await createAgency(stack.graphql, { acronym: 'UNCTAD' });
  unido = await createAgency(stack.graphql, { acronym: 'UNIDO' });
});

afterAll(async () => {
  await stack?.stop();
});

const CREATE = `
  mutation($input: CreateWorkStreamInput!) {
    createWorkStream(input: $input) { id number version conveners { acronym } members { acronym } }
  }`;
const UPDATE = `
  mutation($input: UpdateWorkStreamInput!) {
    updateWorkStream(input: $input) { version conveners { acronym } members { acronym } }
  }`;

async function countWorkStreams(): Promise<number> {
  const [row] = await stack.database.query<{ count: string }>(
    'SELECT count(*) FROM workstreams.work_stream',
  );
  return Number(row?.count);
}

describe('a work stream', () => {
  it('is co-convened by agencies, which are members too, and each agency sees it', async () => {
    const created = await stack.graphql.data<{
      createWorkStream: {
        number: number;
        conveners: { acronym: string }[];
        members: { acronym: string }[];
      };
    }>(CREATE, {
      input: {
        number: 6,
        title: 'Capacity building on STI for the SDGs',
        convenerAgencyIds: [unesco.id, unctad.id],
        memberAgencyIds: [unido.id, unesco.id],
      },
    });
    expect(created.createWorkStream.conveners).toEqual([
      { acronym: 'UNESCO' },
      { acronym: 'UNCTAD' },
    ]);
    expect(created.createWorkStream.members).toEqual([
      { acronym: 'UNESCO' },
      { acronym: 'UNCTAD' },
      { acronym: 'UNIDO' },
    ]);

    const byNumber = await stack.graphql.data<{ workStream: { title: string } }>(
      `{ workStream(number: 6) { title } }`,
    );
    expect(byNumber.workStream.title).toBe('Capacity building on STI for the SDGs');

    const ofUnido = await stack.graphql.data<{ agency: { workStreams: { number: number }[] } }>(
      `query($id: ID) { agency(id: $id) { workStreams { number } } }`,
      { id: unido.id },
    );
    expect(ofUnido.agency.workStreams).toEqual([{ number: 6 }]);

    const filtered = await stack.graphql.data<{ workStreams: { totalCount: number } }>(
      `query($agencyId: ID) { workStreams(filter: { agencyId: $agencyId }) { totalCount } }`,
      { agencyId: unctad.id },
    );
    expect(filtered.workStreams.totalCount).toBe(1);
  });

  it('refuses an agency the agencies service does not know, naming the field, and writes nothing', async () => {
    const before = await countWorkStreams();
    const unknown = '00000000-0000-4000-8000-000000000000';
    const response = await stack.graphql.request(CREATE, {
      input: { number: 7, title: 'Unknown convener', convenerAgencyIds: [unesco.id, unknown] },
    });
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions.fields).toEqual([
      { field: 'convenerAgencyIds[1]', rule: 'exists', message: `no agency has id ${unknown}` },
    ]);
    expect(await countWorkStreams()).toBe(before);
  });

  it('refuses an archived agency and a work stream without conveners', async () => {
    const archived = await createAgency(stack.graphql, { acronym: 'GONE' });
    await stack.graphql.data(`mutation($id: ID!) { archiveAgency(id: $id) { id } }`, {
      id: archived.id,
    });
    const withArchived = await stack.graphql.request(CREATE, {
      input: {
        number: 8,
        title: 'Archived member',
        convenerAgencyIds: [unesco.id],
        memberAgencyIds: [archived.id],
      },
    });
    expect(withArchived.errors?.[0]?.extensions.fields).toEqual([
      expect.objectContaining({ field: 'memberAgencyIds[0]', rule: 'usable' }),
    ]);

    const withoutConveners = await stack.graphql.request(CREATE, {
      input: { number: 8, title: 'Nobody convenes', convenerAgencyIds: [] },
    });
    expect(withoutConveners.errors?.[0]?.extensions.fields).toEqual([
      expect.objectContaining({ field: 'convenerAgencyIds', rule: 'arrayMinSize' }),
    ]);
  });

  it('has a unique number', async () => {
    const response = await stack.graphql.request(CREATE, {
      input: { number: 6, title: 'Another six', convenerAgencyIds: [unido.id] },
    });
    expect(response.errors?.[0]?.extensions.code).toBe('CONFLICT');
  });

  it('changes its conveners with an expected version, and a stale one is refused', async () => {
    const { createWorkStream } = await stack.graphql.data<{ createWorkStream: { id: string } }>(
      CREATE,
      {
        input: {
          number: 9,
          title: 'Changing hands',
          convenerAgencyIds: [unesco.id],
          memberAgencyIds: [unido.id],
        },
      },
    );
    const updated = await stack.graphql.data<{
      updateWorkStream: { version: number; conveners: unknown[]; members: unknown[] };
    }>(UPDATE, {
      input: { id: createWorkStream.id, expectedVersion: 1, convenerAgencyIds: [unido.id] },
    });
    expect(updated.updateWorkStream).toEqual({
      version: 2,
      conveners: [{ acronym: 'UNIDO' }],
      members: [{ acronym: 'UNIDO' }],
    });

    const stale = await stack.graphql.request(UPDATE, {
      input: { id: createWorkStream.id, expectedVersion: 1, title: 'Too late' },
    });
    expect(stale.errors?.[0]?.extensions.code).toBe('CONFLICT');
  });

  it('records a domain event for each committed change', async () => {
    const events = await stack.database.query<{ type: string }>(
      'SELECT type FROM workstreams.outbox ORDER BY position',
    );
    expect(events.map((event) => event.type)).toEqual([
      'convene.workstreams.workstream.created',
      'convene.workstreams.workstream.created',
      'convene.workstreams.workstream.updated',
    ]);
  });
});
