import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  decodeCursor,
  encodeCursor,
  ParticipantKind,
  type FeedbackSummaryDto,
  type Page,
  type ReachDto,
  type RegistrationDto,
} from '#libs/contracts';
import type { Caller } from '#libs/messaging';
import { registrationFor } from './personal-data.js';

const UN = ParticipantKind.UN_REPRESENTATIVE;

/** Reads across many trainings (or series) at once: one SQL statement per batch. */
@Injectable()
export class ParticipationQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A page of registrations (by registration time) for each training, with attendance; the
   * participants' personal data only where `caller` may see it (personal-data.ts).
   */
  async registrationPages(
    caller: Caller,
    trainingIds: string[],
    first: number,
    after?: string,
  ): Promise<Page<RegistrationDto>[]> {
    const [afterTime, afterId] = after ? (decodeCursor(after) ?? []) : [];
    const rows: (Omit<RegistrationDto, 'trainingId' | 'personalDataWithheld'> & {
      scopeId: string;
      workStreamId: string | null;
      total: number;
    })[] = await this.dataSource.query(
      `SELECT scope.id AS "scopeId",
                (SELECT t.work_stream_id FROM events.training t WHERE t.id = scope.id) AS "workStreamId",
                (SELECT count(*)::int FROM events.registration c WHERE c.training_id = scope.id) AS total,
                page.*
           FROM unnest($1::uuid[]) WITH ORDINALITY AS scope(id, ordinal)
           LEFT JOIN LATERAL (
             SELECT r.id, r.name, r.organization, r.country, r.kind, r.email, r.created_at AS "createdAt",
                    ARRAY(SELECT a.session_id FROM events.attendance a
                           WHERE a.registration_id = r.id ORDER BY a.session_id) AS "attendedSessionIds"
               FROM events.registration r
              WHERE r.training_id = scope.id
                AND ($3::timestamptz IS NULL OR (r.created_at, r.id) > ($3::timestamptz, $4::uuid))
              ORDER BY r.created_at, r.id
              LIMIT $2 + 1
           ) page ON true
          ORDER BY scope.ordinal, page."createdAt", page.id`,
      [trainingIds, first, afterTime ?? null, afterId ?? null],
    );
    return trainingIds.map((trainingId) => {
      const own = rows.filter((row) => row.scopeId === trainingId);
      const registrations = own.filter((row) => row.id !== null);
      return {
        edges: registrations
          .slice(0, first)
          .map(({ scopeId, workStreamId, total: _total, ...registration }) => {
            const createdAt = new Date(registration.createdAt).toISOString();
            const node = {
              ...registration,
              trainingId: scopeId,
              createdAt,
              personalDataWithheld: false,
            };
            return {
              cursor: encodeCursor([createdAt, registration.id]),
              // A training that does not exist has no registrations, so no work stream is needed.
              node: registrationFor(caller, workStreamId ?? '', node),
            };
          }),
        totalCount: own[0]?.total ?? 0,
        hasNextPage: registrations.length > first,
      };
    });
  }

  /** Who each training reached: participants (not UN), their countries, UN representatives, agencies. */
  reachOfTrainings(trainingIds: string[]): Promise<ReachDto[]> {
    return this.reach(trainingIds, 'r.training_id = scope.id', 'a.training_id = scope.id', '');
  }

  /** The same across the trainings of each series, each participant counted once. */
  reachOfSeries(seriesIds: string[]): Promise<ReachDto[]> {
    const trainingsOfSeries =
      'JOIN events.training t ON t.id = {alias}.training_id AND t.series_id = scope.id';
    return this.reach(seriesIds, 'true', 'true', trainingsOfSeries);
  }

  async feedbackSummaries(trainingIds: string[]): Promise<FeedbackSummaryDto[]> {
    const rows: (FeedbackSummaryDto & { id: string })[] = await this.dataSource.query(
      `SELECT scope.id,
              (SELECT count(*)::int FROM events.feedback f WHERE f.training_id = scope.id) AS responses,
              (SELECT round(avg(f.rating), 2)::float FROM events.feedback f WHERE f.training_id = scope.id) AS "averageRating",
              coalesce((
                SELECT json_agg(json_build_object('topic', topic, 'count', n) ORDER BY n DESC, topic)
                  FROM (SELECT min(t.topic) AS topic, count(*)::int AS n
                          FROM events.feedback f, unnest(f.suggested_topics) AS t(topic)
                         WHERE f.training_id = scope.id
                         GROUP BY lower(t.topic)) counted
              ), '[]'::json) AS "suggestedTopics"
         FROM unnest($1::uuid[]) AS scope(id)`,
      [trainingIds],
    );
    return rows.map(({ id: _id, ...summary }) => summary);
  }

  private async reach(
    ids: string[],
    registrationScope: string,
    assignmentScope: string,
    join: string,
  ): Promise<ReachDto[]> {
    const registrations = `FROM events.registration r ${join.replace('{alias}', 'r')} WHERE ${registrationScope}`;
    return this.dataSource.query(
      `SELECT
         (SELECT count(DISTINCT r.participant_key)::int ${registrations} AND r.kind <> '${UN}') AS participants,
         (SELECT count(DISTINCT r.country)::int ${registrations} AND r.kind <> '${UN}') AS countries,
         (SELECT count(DISTINCT r.participant_key)::int ${registrations} AND r.kind = '${UN}') AS "unRepresentatives",
         (SELECT count(DISTINCT a.agency_id)::int FROM events.assignment a ${join.replace('{alias}', 'a')} WHERE ${assignmentScope}) AS agencies
       FROM unnest($1::uuid[]) WITH ORDINALITY AS scope(id, ordinal)
       ORDER BY scope.ordinal`,
      [ids],
    );
  }
}
