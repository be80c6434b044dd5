import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAgency, type CreatedAgency } from '../support/agency-factory.js';
import { startConveneStack, type ConveneStack } from '../support/convene-stack.js';
import { ADD_SESSION, createTraining, createWorkStream } from '../support/training-factory.js';

let stack: ConveneStack;
let unctad: CreatedAgency;
let wipo: CreatedAgency;
let workStreamId: string;
let trainingId: string;
let sessionId: string;
const ids: Record<string, string> = {};

const PUBLISH = `mutation($input: PublishResourceInput!) { publishResource(input: $input) { id topics } }`;
const SEARCH = `
  query($search: String, $filter: ResourceFilterInput, $first: Int) {
    knowledgeResources(search: $search, filter: $filter, first: $first) {
      totalCount
      edges { rank snippet node { title } }
      facets { types { value count } topics { value count } sdgs { value count } agencies { value count } trainings { value count } years { value count } }
    }
  }`;

interface SearchResult {
  knowledgeResources: {
    totalCount: number;
    edges: { rank: number | null; snippet: string | null; node: { title: string } }[];
    facets: Record<string, { value: string; count: number }[]>;
  };
}

const titles = (result: SearchResult) =>
  result.knowledgeResources.edges.map((edge) => edge.node.title);

async function resourceCount(): Promise<number> {
  const [row] = await stack.database.query<{ count: string }>(
    'SELECT count(*) FROM knowledge.resource',
  );
  return Number(row?.count);
}

beforeAll(async () => {
  stack = await startConveneStack();
  unctad = await createAgency(stack.graphql, { acronym: 'UNCTAD' });
  wipo = await createAgency(stack.graphql, { acronym: 'WIPO' });
  workStreamId = await createWorkStream(stack.graphql, 6, [unctad.id]);
  trainingId = (
    await createTraining(stack.graphql, workStreamId, { title: 'STI roadmaps webinar' })
  ).id;
  const session = await stack.graphql.data<{ addSession: { id: string } }>(ADD_SESSION, {
    input: {
      trainingId,
      startsAt: '2020-11-24T13:00:00Z',
      endsAt: '2020-11-24T15:00:00Z',
      timeZone: 'Europe/Vienna',
    },
  });
  sessionId = session.addSession.id;
});

afterAll(async () => {
  await stack?.stop();
});

describe('a convener publishes the materials of a training', () => {
  it('publishes slides, a case-study guide and a roadmap toolkit, topics matched to the shared vocabulary', async () => {
    const slides = await stack.graphql.data<{ publishResource: { id: string; topics: string[] } }>(
      PUBLISH,
      {
        input: {
          title: 'Slides: technology transfer for the SDGs',
          summary:
            'How technology transfer and intellectual property support industrial innovation.',
          type: 'TRAINING_MATERIAL',
          language: 'en',
          url: 'https://example.org/slides.pdf',
          publishedOn: '2020-11-24',
          agencyIds: [wipo.id],
          workStreamId,
          trainingIds: [trainingId],
          sessionIds: [sessionId],
          topics: ['technology-transfer', 'Intellectual Property'],
          sdgs: [9],
        },
      },
    );
    ids.slides = slides.publishResource.id;
    expect(slides.publishResource.topics).toEqual(['Technology transfer', 'Intellectual property']);

    ids.guide = (
      await stack.graphql.data<{ publishResource: { id: string } }>(PUBLISH, {
        input: {
          title: 'STI for SDGs case-study guide',
          summary: 'A guide to conducting STI for SDG case studies.',
          body: 'Case studies map national innovation systems and the policies that shape them.',
          type: 'CASE_STUDY',
          language: 'en',
          agencyIds: [unctad.id],
          workStreamId,
          trainingIds: [trainingId],
          topics: ['STI policy'],
          sdgs: [9, 17],
        },
      })
    ).publishResource.id;

    ids.toolkit = (
      await stack.graphql.data<{ publishResource: { id: string } }>(PUBLISH, {
        input: {
          title: 'Boîte à outils pour les feuilles de route STI',
          summary: 'Roadmap toolkit for STI for SDGs roadmaps.',
          type: 'TOOLKIT',
          language: 'fr',
          agencyIds: [unctad.id, wipo.id],
          workStreamId,
          topics: ['sti roadmaps', 'Quantum policy'],
          sdgs: [17],
        },
      })
    ).publishResource.id;
  });
});

describe('an officer finds them', () => {
  it('by an exact phrase, ranked, with a highlighted snippet', async () => {
    const result = await stack.graphql.data<SearchResult>(SEARCH, {
      search: '"national innovation systems"',
    });
    expect(titles(result)).toEqual(['STI for SDGs case-study guide']);
    expect(result.knowledgeResources.edges[0]?.rank).toBeGreaterThan(0);
    expect(result.knowledgeResources.edges[0]?.snippet).toContain('<mark>');
  });

  it('with OR and minus, title words ranked above summary words', async () => {
    const either = await stack.graphql.data<SearchResult>(SEARCH, {
      search: 'roadmap OR transfer',
    });
    expect(titles(either).sort()).toEqual([
      'Boîte à outils pour les feuilles de route STI',
      'Slides: technology transfer for the SDGs',
    ]);
    const minus = await stack.graphql.data<SearchResult>(SEARCH, {
      search: 'roadmap OR transfer -intellectual',
    });
    expect(titles(minus)).toEqual(['Boîte à outils pour les feuilles de route STI']);
    const ranked = await stack.graphql.data<SearchResult>(SEARCH, { search: 'guide' });
    expect(titles(ranked)[0]).toBe('STI for SDGs case-study guide');
  });

  it('by topic in any spelling and by SDG, with facet counts', async () => {
    const byTopic = await stack.graphql.data<SearchResult>(SEARCH, {
      filter: { topic: 'TECHNOLOGY TRANSFER' },
    });
    expect(titles(byTopic)).toEqual(['Slides: technology transfer for the SDGs']);

    const bySdg = await stack.graphql.data<SearchResult>(SEARCH, { filter: { sdg: 17 } });
    expect(bySdg.knowledgeResources.totalCount).toBe(2);
    expect(bySdg.knowledgeResources.facets.types).toEqual([
      { value: 'CASE_STUDY', count: 1 },
      { value: 'TOOLKIT', count: 1 },
    ]);
    expect(bySdg.knowledgeResources.facets.sdgs).toEqual([
      { value: '17', count: 2 },
      { value: '9', count: 1 },
    ]);
    expect(bySdg.knowledgeResources.facets.agencies).toEqual(
      expect.arrayContaining([
        { value: unctad.id, count: 2 },
        { value: wipo.id, count: 1 },
      ]),
    );
    const all = await stack.graphql.data<SearchResult>(SEARCH, {});
    expect(all.knowledgeResources.facets.trainings).toEqual([{ value: trainingId, count: 2 }]);
    expect(all.knowledgeResources.facets.years).toEqual([{ value: '2020', count: 1 }]);
    expect(all.knowledgeResources.facets.topics).toEqual(
      expect.arrayContaining([{ value: 'Quantum policy', count: 1 }]),
    );
  });

  it('and opens the training, its session and the authoring agencies from a resource', async () => {
    const { knowledgeResource } = await stack.graphql.data<{
      knowledgeResource: {
        trainings: { title: string; sessions: { id: string }[] }[];
        agencies: { acronym: string }[];
        sdgs: unknown[];
      };
    }>(
      `query($id: ID!) { knowledgeResource(id: $id) { trainings { title sessions { id } } agencies { acronym } sdgs { number title } } }`,
      {
        id: ids.slides,
      },
    );
    expect(knowledgeResource).toEqual({
      trainings: [{ title: 'STI roadmaps webinar', sessions: [{ id: sessionId }] }],
      agencies: [{ acronym: 'WIPO' }],
      sdgs: [{ number: 9, title: 'Industry, innovation and infrastructure' }],
    });
    const { training } = await stack.graphql.data<{ training: { materials: { title: string }[] } }>(
      `query($id: ID!) { training(id: $id) { materials { title } } }`,
      { id: trainingId },
    );
    expect(training.materials.map((material) => material.title).sort()).toEqual([
      'STI for SDGs case-study guide',
      'Slides: technology transfer for the SDGs',
    ]);
    const { agency } = await stack.graphql.data<{
      agency: { resources: unknown[]; workStreams: { resources: unknown[] }[] };
    }>(
      `query($id: ID) { agency(id: $id) { resources { title } workStreams { resources { title } } } }`,
      { id: unctad.id },
    );
    expect(agency.resources).toHaveLength(2);
    expect(agency.workStreams[0]?.resources).toHaveLength(3);
  });

  it('gets an empty answer, never an error, for stop words or stray quotes', async () => {
    for (const search of ['the', '"', '-', 'OR', '   ']) {
      const response = await stack.graphql.request<SearchResult>(SEARCH, { search });
      expect(response.errors).toBeUndefined();
    }
    const stopWords = await stack.graphql.data<SearchResult>(SEARCH, { search: 'the' });
    expect(stopWords.knowledgeResources.totalCount).toBe(0);
    const tooLong = await stack.graphql.request(SEARCH, { search: 'x'.repeat(201) });
    expect(tooLong.errors?.[0]?.extensions.fields).toEqual([
      expect.objectContaining({ field: 'search', rule: 'isLength' }),
    ]);
  });

  it('no longer finds an archived resource', async () => {
    await stack.graphql.data(`mutation($id: ID!) { archiveResource(id: $id) { archived } }`, {
      id: ids.toolkit,
    });
    const result = await stack.graphql.data<SearchResult>(SEARCH, { search: 'roadmap' });
    expect(titles(result)).toEqual([]);
  });
});

describe('bad input gets an error naming the field, and nothing is published', () => {
  const base = () => ({ title: 'Valid title', type: 'REPORT', language: 'en' });

  it.each([
    ['a non-web URL', { url: 'ftp://example.org/report.pdf' }, 'url', 'isUrl'],
    ['a bad language tag', { language: 'english' }, 'language', 'isLanguageTag'],
    ['an SDG that does not exist', { sdgs: [9, 18] }, 'sdgs', 'max'],
    [
      'an unknown agency',
      { agencyIds: ['00000000-0000-4000-8000-000000000000'] },
      'agencyIds[0]',
      'exists',
    ],
    [
      'an unknown training',
      { trainingIds: ['00000000-0000-4000-8000-000000000000'] },
      'trainingIds[0]',
      'exists',
    ],
    [
      'a session of no linked training',
      { sessionIds: ['00000000-0000-4000-8000-000000000000'] },
      'sessionIds[0]',
      'ofTraining',
    ],
  ])('%s', async (_case, change, field, rule) => {
    const before = await resourceCount();
    const response = await stack.graphql.request(PUBLISH, { input: { ...base(), ...change } });
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions.fields).toEqual([
      expect.objectContaining({ field, rule }),
    ]);
    expect(await resourceCount()).toBe(before);
  });
});
