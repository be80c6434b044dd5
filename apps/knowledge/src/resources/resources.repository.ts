import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canonicalTopic, type FacetCount, type ResourceFilter } from '#libs/contracts';
import { EntityRepository } from '#libs/persistence';
import { ResourceEntity } from './resource.entity.js';

export interface SearchHit {
  id: string;
  rank: number | null;
  snippet: string | null;
}

const FACET_SIZE = 50;

function singleFacet(column: string, condition: string): string {
  return `coalesce((SELECT json_agg(json_build_object('value', ${column}, 'count', n) ORDER BY n DESC, ${column})
                   FROM (SELECT ${column}, n FROM single WHERE ${condition} AND ${column} IS NOT NULL
                          ORDER BY n DESC LIMIT ${FACET_SIZE}) counted), '[]'::json)`;
}

export type Facets = Record<
  'types' | 'agencies' | 'workStreams' | 'trainings' | 'topics' | 'sdgs' | 'languages' | 'years',
  FacetCount[]
>;

/** Builds the WHERE clause of a search with numbered parameters. */
class SearchSql {
  readonly params: unknown[] = [];
  readonly conditions = ['r.archived_at IS NULL'];
  readonly query: string | undefined;

  constructor(search: string | undefined, filter: ResourceFilter) {
    if (search?.trim()) {
      this.query = `websearch_to_tsquery('english', ${this.param(search.trim())})`;
      this.conditions.push(`r.search @@ ${this.query}`);
    }
    if (filter.type) this.conditions.push(`r.type = ${this.param(filter.type)}`);
    if (filter.agencyId)
      this.conditions.push(`r.agency_ids @> ARRAY[${this.param(filter.agencyId)}]::uuid[]`);
    if (filter.workStreamId)
      this.conditions.push(`r.work_stream_id = ${this.param(filter.workStreamId)}`);
    if (filter.trainingId)
      this.conditions.push(`r.training_ids @> ARRAY[${this.param(filter.trainingId)}]::uuid[]`);
    if (filter.topic)
      this.conditions.push(
        `r.topics @> ARRAY[${this.param(canonicalTopic(filter.topic))}]::text[]`,
      );
    if (filter.sdg) this.conditions.push(`r.sdgs @> ARRAY[${this.param(filter.sdg)}]::smallint[]`);
    if (filter.language)
      this.conditions.push(`lower(r.language) = lower(${this.param(filter.language)})`);
    if (filter.publishedFrom)
      this.conditions.push(`r.published_on >= ${this.param(filter.publishedFrom)}::date`);
    if (filter.publishedTo)
      this.conditions.push(`r.published_on <= ${this.param(filter.publishedTo)}::date`);
  }

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get where(): string {
    return this.conditions.join(' AND ');
  }
}

@Injectable()
export class ResourcesRepository extends EntityRepository<ResourceEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ResourceEntity);
  }

  /** One page of hits: by rank with a highlighted snippet when searching, else newest first. */
  async search(
    search: string | undefined,
    filter: ResourceFilter,
    first: number,
    offset: number,
  ): Promise<SearchHit[]> {
    const sql = new SearchSql(search, filter);
    const limit = sql.param(first + 1);
    const skip = sql.param(offset);
    if (!sql.query) {
      return this.dataSource.query(
        `SELECT r.id, NULL::real AS rank, NULL::text AS snippet FROM knowledge.resource r
          WHERE ${sql.where} ORDER BY r.published_on DESC NULLS LAST, r.id LIMIT ${limit} OFFSET ${skip}`,
        sql.params,
      );
    }
    // The snippet is computed for the page only, after ranking and limiting.
    return this.dataSource.query(
      `SELECT page.id, page.rank,
              ts_headline('english', coalesce(page.summary, '') || ' ' || left(coalesce(page.body, ''), 5000), ${sql.query},
                          'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2') AS snippet
         FROM (SELECT r.id, r.summary, r.body, ts_rank(r.search, ${sql.query}) AS rank
                 FROM knowledge.resource r WHERE ${sql.where}
                ORDER BY rank DESC, r.id LIMIT ${limit} OFFSET ${skip}) page
        ORDER BY page.rank DESC, page.id`,
      sql.params,
    );
  }

  /**
   * How many resources match, and how they spread over each filter's values: one statement,
   * one pass over the matches for the single-valued facets (GROUPING SETS), one per list facet.
   */
  async countAndFacets(
    search: string | undefined,
    filter: ResourceFilter,
  ): Promise<{ total: number; facets: Facets }> {
    const sql = new SearchSql(search, filter);
    const listFacet = (column: string) =>
      `coalesce((SELECT json_agg(json_build_object('value', value, 'count', n) ORDER BY n DESC, value)
                   FROM (SELECT value::text, count(*)::int AS n FROM matched, unnest(${column}) AS value
                          GROUP BY 1 ORDER BY n DESC LIMIT ${FACET_SIZE}) counted), '[]'::json)`;
    const [row] = await this.dataSource.query(
      `WITH matched AS MATERIALIZED (
         SELECT r.type, r.agency_ids, r.work_stream_id, r.training_ids, r.topics, r.sdgs, r.language,
                extract(year FROM r.published_on)::int::text AS year
           FROM knowledge.resource r WHERE ${sql.where}
       ), single AS (
         SELECT GROUPING(type) AS by_type, GROUPING(language) AS by_language,
                GROUPING(work_stream_id) AS by_work_stream, GROUPING(year) AS by_year,
                type, language, work_stream_id::text AS work_stream, year, count(*)::int AS n
           FROM matched GROUP BY GROUPING SETS ((type), (language), (work_stream_id), (year), ())
       )
       SELECT (SELECT n FROM single
                WHERE by_type = 1 AND by_language = 1 AND by_work_stream = 1 AND by_year = 1) AS total,
              ${singleFacet('type', 'by_type = 0')} AS types,
              ${singleFacet('language', 'by_language = 0')} AS languages,
              ${singleFacet('work_stream', 'by_work_stream = 0')} AS "workStreams",
              ${singleFacet('year', 'by_year = 0')} AS years,
              ${listFacet('training_ids')} AS trainings,
              ${listFacet('agency_ids')} AS agencies,
              ${listFacet('topics')} AS topics,
              ${listFacet('sdgs')} AS sdgs`,
      sql.params,
    );
    const { total, ...facets } = row as { total: number | null } & Facets;
    return { total: total ?? 0, facets };
  }

  /** Current resources linked to any of these ids in `column`, newest first. */
  findLinked(
    column: 'training_ids' | 'agency_ids' | 'work_stream_id',
    ids: string[],
  ): Promise<ResourceEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const match =
      column === 'work_stream_id'
        ? 'resource.work_stream_id = ANY(:ids::uuid[])'
        : `resource.${column} && :ids::uuid[]`;
    return this.repository()
      .createQueryBuilder('resource')
      .where(match, { ids })
      .andWhere('resource.archived_at IS NULL')
      .orderBy('resource.published_on', 'DESC', 'NULLS LAST')
      .addOrderBy('resource.id', 'ASC')
      .getMany();
  }
}
