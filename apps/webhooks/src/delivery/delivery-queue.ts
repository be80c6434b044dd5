import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WebhookDeliveryStatus } from '#libs/contracts';

/** A due delivery taken by one worker, with what its attempt needs. */
export interface ClaimedDelivery {
  id: string;
  leaseToken: string;
  endpointId: string;
  url: string;
  secret: string;
  eventId: string;
  body: string;
  series: number;
  /** Failed attempts of the current series before this one. */
  seriesAttempts: number;
}

export interface AttemptRecord {
  attemptedAt: Date;
  statusCode: number | null;
  error: string | null;
  latencyMs: number;
  succeeded: boolean;
  /** What the delivery becomes, and when a pending one is due again. */
  status: WebhookDeliveryStatus;
  retryInMs: number | null;
}

/**
 * The deliveries waiting in Postgres, shared by every instance. A worker claims due rows with
 * FOR UPDATE SKIP LOCKED and leases them (their due time moves past the attempt's timeout), so
 * no row is attempted twice at once, and a row whose worker died is due again when the lease
 * ends: retries survive restarts. The HTTP request runs outside any transaction.
 */
@Injectable()
export class DeliveryQueue {
  constructor(private readonly dataSource: DataSource) {}

  async claim(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [claimed]: [ClaimedDelivery[], number] = await this.dataSource.query(
      `WITH due AS (
         SELECT d.id FROM webhooks.delivery d
           JOIN webhooks.endpoint ep ON ep.id = d.endpoint_id AND ep.enabled
          WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()
          ORDER BY d.next_attempt_at
          LIMIT $1
          FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE webhooks.delivery d
          SET lease_token = gen_random_uuid(),
              next_attempt_at = now() + $2 * interval '1 millisecond'
         FROM due, webhooks.endpoint ep, webhooks.event e
        WHERE d.id = due.id AND ep.id = d.endpoint_id AND e.id = d.event_id
      RETURNING d.id, d.lease_token AS "leaseToken", d.endpoint_id AS "endpointId", ep.url,
                ep.secret, d.event_id AS "eventId", e.body, d.series,
                d.series_attempts AS "seriesAttempts"`,
      [limit, leaseMs],
    );
    return claimed;
  }

  /** Milliseconds until the next pending delivery of an enabled endpoint is due, if any. */
  async nextDueInMs(): Promise<number | undefined> {
    const [row]: { waitMs: number | null }[] = await this.dataSource.query(
      `SELECT (extract(epoch FROM min(d.next_attempt_at) - now()) * 1000)::float AS "waitMs"
         FROM webhooks.delivery d JOIN webhooks.endpoint ep ON ep.id = d.endpoint_id AND ep.enabled
        WHERE d.status = 'PENDING'`,
    );
    // min() of no rows is NULL: nothing is pending (greatest() would have turned it into 0).
    return row?.waitMs === null || row?.waitMs === undefined ? undefined : Math.max(0, row.waitMs);
  }

  /**
   * Logs the attempt and moves the delivery on, if this worker still holds its lease (a
   * replay or a deleted endpoint in between wins). False when the lease was lost.
   */
  async record(delivery: ClaimedDelivery, attempt: AttemptRecord): Promise<boolean> {
    return this.dataSource.transaction(async (transaction) => {
      const [updated]: [{ attemptCount: number }[], number] = await transaction.query(
        `UPDATE webhooks.delivery
            SET attempt_count = attempt_count + 1,
                series_attempts = series_attempts + 1,
                status = $3,
                next_attempt_at = CASE WHEN $3 = 'PENDING' THEN now() + $4 * interval '1 millisecond' END,
                completed_at = CASE WHEN $3 = 'PENDING' THEN NULL ELSE now() END,
                lease_token = NULL
          WHERE id = $1 AND lease_token = $2
      RETURNING attempt_count AS "attemptCount"`,
        [delivery.id, delivery.leaseToken, attempt.status, attempt.retryInMs ?? 0],
      );
      const row = updated[0];
      if (!row) return false;
      await transaction.query(
        `INSERT INTO webhooks.attempt
           (delivery_id, number, series, attempted_at, status_code, error, latency_ms, succeeded)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          delivery.id,
          row.attemptCount,
          delivery.series,
          attempt.attemptedAt,
          attempt.statusCode,
          attempt.error,
          attempt.latencyMs,
          attempt.succeeded,
        ],
      );
      return true;
    });
  }
}
