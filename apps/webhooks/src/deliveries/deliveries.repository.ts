import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  decodeCursor,
  encodeCursor,
  type Page,
  type WebhookAttemptDto,
  type WebhookDeliveryDto,
  type WebhookDeliveryStatus,
} from '#libs/contracts';

interface DeliveryRow extends Omit<WebhookDeliveryDto, 'attempts'> {
  position: string;
  attempts: (Omit<WebhookAttemptDto, 'attemptedAt'> & { attemptedAt: string })[];
}

/** A delivery with its attempts, oldest first, as one row. */
const DELIVERY_COLUMNS = `
  d.id, d.position, d.endpoint_id AS "endpointId", d.event_id AS "eventId", e.type AS "eventType",
  d.status, d.attempt_count AS "attemptCount", d.next_attempt_at AS "nextAttemptAt",
  d.created_at AS "createdAt", d.completed_at AS "completedAt",
  coalesce((SELECT json_agg(json_build_object(
              'number', a.number, 'series', a.series, 'attemptedAt', a.attempted_at,
              'statusCode', a.status_code, 'error', a.error, 'latencyMs', a.latency_ms,
              'succeeded', a.succeeded) ORDER BY a.number)
              FROM webhooks.attempt a WHERE a.delivery_id = d.id), '[]'::json) AS attempts`;

/** Reads of the delivery log: one SQL statement per batch, attempts included. */
@Injectable()
export class DeliveriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of deliveries per endpoint, newest first. */
  async pages(
    endpointIds: string[],
    first: number,
    after: string | undefined,
    status: WebhookDeliveryStatus | undefined,
  ): Promise<Page<WebhookDeliveryDto>[]> {
    const [afterPosition] = after ? (decodeCursor(after) ?? []) : [];
    const rows: (DeliveryRow & { scopeId: string; total: number })[] = await this.dataSource.query(
      `SELECT scope.id AS "scopeId",
              (SELECT count(*)::int FROM webhooks.delivery c
                WHERE c.endpoint_id = scope.id AND ($4::text IS NULL OR c.status = $4)) AS total,
              page.*
         FROM unnest($1::uuid[]) WITH ORDINALITY AS scope(id, ordinal)
         LEFT JOIN LATERAL (
           SELECT ${DELIVERY_COLUMNS}
             FROM webhooks.delivery d JOIN webhooks.event e ON e.id = d.event_id
            WHERE d.endpoint_id = scope.id
              AND ($4::text IS NULL OR d.status = $4)
              AND ($3::bigint IS NULL OR d.position < $3::bigint)
            ORDER BY d.position DESC
            LIMIT $2 + 1
         ) page ON true
        ORDER BY scope.ordinal, page.position DESC`,
      [endpointIds, first, afterPosition ?? null, status ?? null],
    );
    return endpointIds.map((endpointId) => {
      const own = rows.filter((row) => row.scopeId === endpointId);
      const deliveries = own.filter((row) => row.id !== null);
      return {
        edges: deliveries.slice(0, first).map((row) => ({
          cursor: encodeCursor([Number(row.position)]),
          node: toDeliveryDto(row),
        })),
        totalCount: own[0]?.total ?? 0,
        hasNextPage: deliveries.length > first,
      };
    });
  }

  async findById(id: string, manager?: EntityManager): Promise<WebhookDeliveryDto | null> {
    const rows: DeliveryRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${DELIVERY_COLUMNS}
         FROM webhooks.delivery d JOIN webhooks.event e ON e.id = d.event_id
        WHERE d.id = $1`,
      [id],
    );
    return rows[0] ? toDeliveryDto(rows[0]) : null;
  }

  /** Locks a delivery with whether its endpoint is enabled, until the transaction ends. */
  async lockForReplay(
    transaction: EntityManager,
    id: string,
  ): Promise<{ status: WebhookDeliveryStatus; endpointEnabled: boolean } | undefined> {
    const rows: { status: WebhookDeliveryStatus; endpointEnabled: boolean }[] =
      await transaction.query(
        `SELECT d.status, ep.enabled AS "endpointEnabled"
           FROM webhooks.delivery d JOIN webhooks.endpoint ep ON ep.id = d.endpoint_id
          WHERE d.id = $1 FOR UPDATE OF d`,
        [id],
      );
    return rows[0];
  }

  /** A new series of attempts, due now; the attempts so far stay in the log. */
  async startNewSeries(transaction: EntityManager, id: string): Promise<void> {
    await transaction.query(
      `UPDATE webhooks.delivery
          SET status = 'PENDING', series = series + 1, series_attempts = 0,
              next_attempt_at = now(), completed_at = NULL, lease_token = NULL
        WHERE id = $1`,
      [id],
    );
  }
}

function iso(value: string | Date | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

function toDeliveryDto(row: DeliveryRow): WebhookDeliveryDto {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attemptCount: row.attemptCount,
    nextAttemptAt: iso(row.nextAttemptAt),
    createdAt: iso(row.createdAt) ?? '',
    completedAt: iso(row.completedAt),
    attempts: row.attempts.map((attempt) => ({
      ...attempt,
      attemptedAt: iso(attempt.attemptedAt) ?? '',
    })),
  };
}
