import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readCounter } from '#libs/testing';
import { agencyInput, CREATE_AGENCY, createAgency } from '../support/agency-factory.js';
import {
  startConveneStack,
  TEST_RPC_TIMEOUT_MS,
  type ConveneStack,
} from '../support/convene-stack.js';

let stack: ConveneStack;

beforeAll(async () => {
  stack = await startConveneStack();
});

afterAll(async () => {
  await stack?.stop();
});

const LIST_AGENCIES = `
  query List($first: Int, $after: String, $filter: AgencyFilterInput) {
    agencies(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id acronym kind } }
    }
  }`;

interface AgencyPage {
  agencies: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; acronym: string; kind: string } }[];
  };
}

async function countAgencies(): Promise<number> {
  const rows = await stack.database.query<{ count: string }>(
    'SELECT count(*) FROM agencies.agency',
  );
  return Number(rows[0]?.count);
}

describe('an agency officer', () => {
  it('creates an agency and reads it back by id and by acronym in any case', async () => {
    const created = await createAgency(stack.graphql, {
      acronym: 'UNIDO',
      name: 'United Nations Industrial Development Organization',
      headquarters: 'Vienna',
      website: 'https://www.unido.org',
    });
    expect(created.version).toBe(1);

    const byAcronym = await stack.graphql.data<{ agency: { id: string; name: string } }>(
      `{ agency(acronym: "unido") { id name } }`,
    );
    expect(byAcronym.agency).toEqual({
      id: created.id,
      name: 'United Nations Industrial Development Organization',
    });

    const byId = await stack.graphql.data<{ agency: { acronym: string; createdAt: string } }>(
      `query($id: ID) { agency(id: $id) { acronym createdAt } }`,
      { id: created.id },
    );
    expect(byId.agency.acronym).toBe('UNIDO');
    expect(byId.agency.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('pages through agencies in acronym order without gaps or repeats', async () => {
    const prefix = 'PG';
    for (const letter of ['E', 'B', 'D', 'A', 'C']) {
      await createAgency(stack.graphql, {
        acronym: `${prefix}-${letter}`,
        name: `Paging agency ${letter}`,
      });
    }
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: AgencyPage = await stack.graphql.data<AgencyPage>(LIST_AGENCIES, {
        first: 2,
        after,
        filter: { search: 'Paging agency' },
      });
      expect(page.agencies.totalCount).toBe(5);
      expect(page.agencies.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.agencies.edges.map((edge) => edge.node.acronym));
      after = page.agencies.pageInfo.hasNextPage ? page.agencies.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(['PG-A', 'PG-B', 'PG-C', 'PG-D', 'PG-E']);
  });

  it('filters by kind and by text in acronym or name', async () => {
    await createAgency(stack.graphql, {
      acronym: 'ESCAP',
      name: 'Economic and Social Commission for Asia and the Pacific',
      kind: 'REGIONAL_COMMISSION',
    });
    await createAgency(stack.graphql, {
      acronym: 'ECA',
      name: 'Economic Commission for Africa',
      kind: 'REGIONAL_COMMISSION',
    });

    const commissions = await stack.graphql.data<AgencyPage>(LIST_AGENCIES, {
      filter: { kind: 'REGIONAL_COMMISSION' },
    });
    expect(commissions.agencies.edges.map((edge) => edge.node.acronym)).toEqual(['ECA', 'ESCAP']);

    const asia = await stack.graphql.data<AgencyPage>(LIST_AGENCIES, {
      filter: { search: 'asia' },
    });
    expect(asia.agencies.edges.map((edge) => edge.node.acronym)).toEqual(['ESCAP']);

    // LIKE wildcards in the search text match literally.
    const wildcard = await stack.graphql.data<AgencyPage>(LIST_AGENCIES, {
      filter: { search: '%' },
    });
    expect(wildcard.agencies.totalCount).toBe(0);
  });

  it('gets an error naming each bad field and rule, and nothing is written', async () => {
    const before = await countAgencies();
    const response = await stack.graphql.request(CREATE_AGENCY, {
      input: agencyInput({ acronym: '!', website: 'ftp://files.example.org', headquarters: '' }),
    });
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const fields = response.errors?.[0]?.extensions.fields ?? [];
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'acronym', rule: 'matches' }),
        expect.objectContaining({ field: 'website', rule: 'isUrl' }),
        expect.objectContaining({ field: 'headquarters', rule: 'isLength' }),
      ]),
    );
    expect(fields.map((field) => field.field)).not.toContain('name');
    expect(await countAgencies()).toBe(before);
  });

  it('treats explicit nulls for first and after as absent', async () => {
    const page = await stack.graphql.data<AgencyPage>(LIST_AGENCIES, { first: null, after: null });
    expect(page.agencies.edges.length).toBe(Math.min(page.agencies.totalCount, 20));
    expect(page.agencies.pageInfo.hasPreviousPage).toBe(false);
  });

  it('gets field errors for a page larger than the maximum and a forged cursor', async () => {
    const response = await stack.graphql.request(LIST_AGENCIES, {
      first: 101,
      after: 'not-a-cursor',
    });
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions.fields).toEqual([
      expect.objectContaining({ field: 'first', rule: 'max' }),
      expect.objectContaining({ field: 'after', rule: 'isCursor' }),
    ]);
  });

  it('gets CONFLICT for an acronym that exists in another case, on create and on update', async () => {
    await createAgency(stack.graphql, {
      acronym: 'WIPO',
      name: 'World Intellectual Property Organization',
    });
    const duplicate = await stack.graphql.request(CREATE_AGENCY, {
      input: agencyInput({ acronym: 'wipo' }),
    });
    expect(duplicate.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(duplicate.errors?.[0]?.message).toContain('wipo');

    const other = await createAgency(stack.graphql, { acronym: 'ITU' });
    const renamed = await stack.graphql.request(
      `mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { acronym } }`,
      { input: { id: other.id, acronym: 'Wipo' } },
    );
    expect(renamed.errors?.[0]?.extensions.code).toBe('CONFLICT');
  });

  it('updates with an expected version, and a stale version is refused', async () => {
    const agency = await createAgency(stack.graphql, { acronym: 'UNEP' });
    const UPDATE = `mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { headquarters website version } }`;

    const updated = await stack.graphql.data<{
      updateAgency: { headquarters: string; website: null; version: number };
    }>(UPDATE, {
      input: { id: agency.id, expectedVersion: 1, headquarters: 'Nairobi', website: null },
    });
    expect(updated.updateAgency).toEqual({ headquarters: 'Nairobi', website: null, version: 2 });

    const stale = await stack.graphql.request(UPDATE, {
      input: { id: agency.id, expectedVersion: 1, headquarters: 'Geneva' },
    });
    expect(stale.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const current = await stack.graphql.data<{ agency: { headquarters: string } }>(
      `query($id: ID) { agency(id: $id) { headquarters } }`,
      { id: agency.id },
    );
    expect(current.agency.headquarters).toBe('Nairobi');
  });

  it('archives an agency: hidden from the list unless asked for, and no longer editable', async () => {
    const agency = await createAgency(stack.graphql, {
      acronym: 'ARCH-1',
      name: 'Archivable agency',
    });
    const archived = await stack.graphql.data<{ archiveAgency: { archived: boolean } }>(
      `mutation($id: ID!) { archiveAgency(id: $id) { archived } }`,
      { id: agency.id },
    );
    expect(archived.archiveAgency.archived).toBe(true);

    const visible = await stack.graphql.data<AgencyPage>(LIST_AGENCIES, {
      filter: { search: 'Archivable' },
    });
    expect(visible.agencies.totalCount).toBe(0);
    const all = await stack.graphql.data<AgencyPage>(LIST_AGENCIES, {
      filter: { search: 'Archivable', includeArchived: true },
    });
    expect(all.agencies.totalCount).toBe(1);

    const edit = await stack.graphql.request(
      `mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { id } }`,
      { input: { id: agency.id, name: 'Renamed' } },
    );
    expect(edit.errors?.[0]?.extensions.code).toBe('CONFLICT');
  });

  it('gets NOT_FOUND for an agency that does not exist', async () => {
    const response = await stack.graphql.request(
      `{ agency(id: "00000000-0000-4000-8000-000000000000") { id } }`,
    );
    expect(response.data?.agency).toBeNull();
    expect(response.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });
});

describe('people of an agency', () => {
  const PEOPLE = `query($id: ID) { agency(id: $id) { people { id name title division email agency { acronym } } } }`;

  it('are added, updated and removed, each change validated', async () => {
    const agency = await createAgency(stack.graphql, { acronym: 'UNCTAD' });
    const added = await stack.graphql.data<{ addPerson: { id: string; version: number } }>(
      `mutation($input: AddPersonInput!) { addPerson(input: $input) { id version } }`,
      {
        input: {
          agencyId: agency.id,
          name: 'Clovis Freire',
          division: 'Division on Technology and Logistics',
        },
      },
    );

    const badEmail = await stack.graphql.request(
      `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }`,
      { input: { id: added.addPerson.id, email: 'not an email' } },
    );
    expect(badEmail.errors?.[0]?.extensions.fields).toEqual([
      expect.objectContaining({ field: 'email', rule: 'isEmail' }),
    ]);

    await stack.graphql.data(
      `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }`,
      {
        input: {
          id: added.addPerson.id,
          expectedVersion: 1,
          title: 'Economic Affairs Officer',
          email: 'c.freire@example.org',
        },
      },
    );
    const withPerson = await stack.graphql.data<{ agency: { people: unknown[] } }>(PEOPLE, {
      id: agency.id,
    });
    expect(withPerson.agency.people).toEqual([
      {
        id: added.addPerson.id,
        name: 'Clovis Freire',
        title: 'Economic Affairs Officer',
        division: 'Division on Technology and Logistics',
        email: 'c.freire@example.org',
        agency: { acronym: 'UNCTAD' },
      },
    ]);

    const removed = await stack.graphql.data<{ removePerson: { removed: boolean } }>(
      `mutation($id: ID!) { removePerson(id: $id) { removed } }`,
      { id: added.addPerson.id },
    );
    expect(removed.removePerson.removed).toBe(true);
    const afterRemoval = await stack.graphql.data<{ agency: { people: unknown[] } }>(PEOPLE, {
      id: agency.id,
    });
    expect(afterRemoval.agency.people).toEqual([]);
  });

  it('cannot be added to an agency that does not exist', async () => {
    const response = await stack.graphql.request(
      `mutation($input: AddPersonInput!) { addPerson(input: $input) { id } }`,
      { input: { agencyId: '00000000-0000-4000-8000-000000000000', name: 'Nobody Known' } },
    );
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions.fields).toEqual([
      expect.objectContaining({ field: 'agencyId', rule: 'exists' }),
    ]);
  });
});

describe('the graph is batched', () => {
  it('answers agencies → people → agency with one NATS request per field level', async () => {
    for (const acronym of ['BATCH-A', 'BATCH-B', 'BATCH-C']) {
      const agency = await createAgency(stack.graphql, { acronym, name: `Batched ${acronym}` });
      for (const name of ['First Person', 'Second Person']) {
        await stack.graphql.data(
          `mutation($input: AddPersonInput!) { addPerson(input: $input) { id } }`,
          {
            input: { agencyId: agency.id, name },
          },
        );
      }
    }
    const metrics = `${stack.gatewayUrl}/metrics`;
    const requestsBefore = await readCounter(metrics, 'convene_nats_requests_total');
    const data = await stack.graphql.data<{
      agencies: { edges: { node: { people: { agency: { acronym: string } }[] } }[] };
    }>(
      `{ agencies(filter: { search: "Batched" }) { edges { node { people { agency { acronym } } } } } }`,
    );
    const people = data.agencies.edges.flatMap((edge) => edge.node.people);
    expect(people).toHaveLength(6);
    const requests = (await readCounter(metrics, 'convene_nats_requests_total')) - requestsBefore;
    expect(requests).toBe(3); // list, people by agency ids, agencies by ids
  });
});

describe('when things go wrong', () => {
  it('answers SERVICE_UNAVAILABLE promptly while the agencies service is down, and recovers without a gateway restart', async () => {
    await stack.stopService('agencies');
    const started = Date.now();
    const down = await stack.graphql.request(`{ agencies { totalCount } }`);
    const elapsed = Date.now() - started;
    expect(down.errors?.[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.errors?.[0]?.message).toContain('agencies service');
    expect(elapsed).toBeLessThan(TEST_RPC_TIMEOUT_MS + 2000);

    await stack.startService('agencies');
    const up = await stack.graphql.request<{ agencies: { totalCount: number } }>(
      `{ agencies { totalCount } }`,
    );
    expect(up.errors).toBeUndefined();
    expect(up.data?.agencies.totalCount).toBeGreaterThan(0);
  });

  it('answers SERVICE_UNAVAILABLE after the timeout when a service takes the request and never replies', async () => {
    await stack.stopService('agencies');
    const { connect } = await import('@nats-io/transport-node');
    const silent = await connect({ servers: stack.nats.url });
    silent.subscribe('rpc.agencies.agency.list', { queue: 'agencies', callback: () => undefined });
    await silent.flush();
    try {
      const started = Date.now();
      const response = await stack.graphql.request(`{ agencies { totalCount } }`);
      const elapsed = Date.now() - started;
      expect(response.errors?.[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(response.errors?.[0]?.message).toContain(`within ${TEST_RPC_TIMEOUT_MS} ms`);
      expect(elapsed).toBeGreaterThanOrEqual(TEST_RPC_TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(TEST_RPC_TIMEOUT_MS + 2000);
    } finally {
      await silent.close();
      await stack.startService('agencies');
    }
  });

  it('masks an internal failure: a correlation id, no stack, no SQL', async () => {
    await stack.database.query('ALTER TABLE agencies.agency RENAME TO agency_moved_away');
    try {
      const response = await stack.graphql.request(`{ agencies { totalCount } }`);
      const error = response.errors?.[0];
      expect(error?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error?.message).toBe('Internal server error');
      expect(error?.extensions.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.text).not.toMatch(
        /agency_moved_away|relation "|select |\.ts:\d+|node_modules/i,
      );
    } finally {
      await stack.database.query('ALTER TABLE agencies.agency_moved_away RENAME TO agency');
    }
  });
});

describe('operations', () => {
  it('reports readiness and Prometheus metrics on the gateway and on the service', async () => {
    const gatewayHealth = await fetch(`${stack.gatewayUrl}/health`);
    expect(gatewayHealth.status).toBe(200);
    expect(await gatewayHealth.json()).toEqual({
      status: 'ok',
      checks: [{ name: 'nats', status: 'up' }],
    });

    const serviceHealth = await fetch(`${stack.serviceUrl('agencies')}/health`);
    expect(await serviceHealth.json()).toEqual({
      status: 'ok',
      checks: [
        { name: 'postgres', status: 'up' },
        { name: 'nats', status: 'up' },
      ],
    });

    const metrics = await (await fetch(`${stack.serviceUrl('agencies')}/metrics`)).text();
    expect(metrics).toMatch(
      /convene_rpc_handler_duration_seconds_count\{subject="rpc\.agencies\.agency\.list",outcome="ok"\} \d+/,
    );
    expect(metrics).toMatch(
      /convene_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/,
    );
  });
});
