import { Injectable } from '@nestjs/common';
import { EntityRepository, rowPage, type RowPage } from '#libs/persistence';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import {
  canonicalTopic,
  decodeCursor,
  MAX_PAGE_SIZE,
  type AssignmentRole,
  type TrainingFilter,
} from '#libs/contracts';
import type { TrainingFacts } from './training-rules.js';
import { TrainingEntity } from './training.entity.js';

/**
 * Work streams whose draft trainings a caller may see (`all`, or their ids); every other
 * caller sees no drafts. See draftWorkStreamsOf in #libs/auth.
 */
export type DraftVisibility = 'all' | string[];

/** The SQL condition hiding drafts the caller may not see, for a training aliased `alias`. */
export function visibleTrainingSql(
  alias: string,
  drafts: DraftVisibility,
): { sql: string; params: { draftWorkStreamIds: string[] } } | undefined {
  if (drafts === 'all') return undefined;
  return {
    sql: `(${alias}.status <> 'DRAFT' OR ${alias}.work_stream_id = ANY(:draftWorkStreamIds::uuid[]))`,
    params: { draftWorkStreamIds: drafts },
  };
}

/** Trainings are listed by their first session; trainings without sessions come last. */
const ORDER_KEY = `coalesce(training.starts_at, 'infinity')`;

@Injectable()
export class TrainingsRepository extends EntityRepository<TrainingEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, TrainingEntity);
  }

  async list(
    filter: TrainingFilter,
    first: number,
    after: string | undefined,
    drafts: DraftVisibility,
  ): Promise<RowPage<TrainingEntity>> {
    const query = this.repository().createQueryBuilder('training');
    applyFilter(query, filter);
    const visible = visibleTrainingSql('training', drafts);
    if (visible) query.andWhere(visible.sql, visible.params);
    const totalCount = await query.clone().getCount();
    const [afterKey, afterId] = after ? (decodeCursor(after) ?? []) : [];
    if (afterKey !== undefined) {
      query.andWhere(`(${ORDER_KEY}, training.id) > (:afterKey::timestamptz, :afterId::uuid)`, {
        afterKey,
        afterId,
      });
    }
    const rows = await query
      .orderBy(ORDER_KEY, 'ASC')
      .addOrderBy('training.id', 'ASC')
      .limit(first + 1)
      .getMany();
    return rowPage(rows, first, totalCount);
  }

  /** The first trainings (by start) of each parent, `column` naming the parent: one query. */
  findFirstByParents(
    column: 'work_stream_id' | 'series_id' | 'follows_id',
    parentIds: string[],
    drafts: DraftVisibility,
  ): Promise<TrainingEntity[]> {
    if (parentIds.length === 0) return Promise.resolve([]);
    const visible = visibleTrainingSql('t', drafts);
    return this.repository()
      .createQueryBuilder('training')
      .where(
        `training.id IN (
          SELECT ranked.id FROM (
            SELECT t.id, row_number() OVER (
              PARTITION BY t.${column} ORDER BY coalesce(t.starts_at, 'infinity'), t.id
            ) AS position
            FROM events.training t WHERE t.${column} = ANY(:parentIds::uuid[])
            ${visible ? `AND ${visible.sql}` : ''}
          ) ranked WHERE ranked.position <= :limit
        )`,
        { parentIds, limit: MAX_PAGE_SIZE, ...visible?.params },
      )
      .orderBy(ORDER_KEY, 'ASC')
      .addOrderBy('training.id', 'ASC')
      .getMany();
  }

  /** Re-derives the training's start and end from its sessions, after a session changed. */
  async refreshSchedule(transaction: EntityManager, training: TrainingEntity): Promise<void> {
    const [span] = await transaction.query(
      `UPDATE events.training SET
         starts_at = (SELECT min(starts_at) FROM events.session WHERE training_id = $1),
         ends_at = (SELECT max(ends_at) FROM events.session WHERE training_id = $1),
         updated_at = now()
       WHERE id = $1 RETURNING starts_at, ends_at, updated_at`,
      [training.id],
    );
    training.startsAt = span[0].starts_at;
    training.endsAt = span[0].ends_at;
    training.updatedAt = span[0].updated_at;
  }

  /** The roles assigned and the sessions held, for the lifecycle rules; one query. */
  async factsOf(transaction: EntityManager, trainingId: string): Promise<TrainingFacts> {
    const [row] = await transaction.query(
      `SELECT
         ARRAY(SELECT DISTINCT role FROM events.assignment WHERE training_id = $1) AS roles,
         (SELECT count(*)::int FROM events.session WHERE training_id = $1) AS sessions,
         (SELECT max(ends_at) FROM events.session WHERE training_id = $1) AS last_session_end,
         now() AS now`,
      [trainingId],
    );
    return {
      roles: row.roles as AssignmentRole[],
      sessions: row.sessions,
      lastSessionEnd: row.last_session_end,
      now: row.now,
    };
  }
}

function applyFilter(
  query: ReturnType<Repository<TrainingEntity>['createQueryBuilder']>,
  filter: TrainingFilter,
): void {
  if (filter.workStreamId)
    query.andWhere('training.work_stream_id = :workStreamId', {
      workStreamId: filter.workStreamId,
    });
  if (filter.seriesId)
    query.andWhere('training.series_id = :seriesId', { seriesId: filter.seriesId });
  if (filter.agencyId || filter.role) {
    const conditions = ['a.training_id = training.id'];
    if (filter.agencyId) conditions.push('a.agency_id = :agencyId');
    if (filter.role) conditions.push('a.role = :role');
    query.andWhere(`EXISTS (SELECT 1 FROM events.assignment a WHERE ${conditions.join(' AND ')})`, {
      agencyId: filter.agencyId,
      role: filter.role,
    });
  }
  if (filter.statuses?.length)
    query.andWhere('training.status IN (:...statuses)', { statuses: filter.statuses });
  if (filter.from) query.andWhere('training.ends_at > :from', { from: filter.from });
  if (filter.to) query.andWhere('training.starts_at < :to', { to: filter.to });
  if (filter.format) query.andWhere('training.format = :format', { format: filter.format });
  if (filter.topic)
    query.andWhere('training.topics @> ARRAY[:topic]::text[]', {
      topic: canonicalTopic(filter.topic),
    });
  if (filter.sdg) query.andWhere('training.sdgs @> ARRAY[:sdg]::smallint[]', { sdg: filter.sdg });
  if (filter.participantCountry) {
    query.andWhere(
      'EXISTS (SELECT 1 FROM events.registration r WHERE r.training_id = training.id AND r.country = :country)',
      { country: filter.participantCountry },
    );
  }
}
