import {
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { CloudEvent } from '#libs/contracts';
import type { EventPublisher } from '#libs/messaging';

const BATCH_SIZE = 100;
const IDLE_POLL_MS = 200;
const MAX_BACKOFF_MS = 5000;

/**
 * Publishes a service's outbox rows to JetStream and marks them published. One relay of a
 * service works at a time (a transaction-scoped advisory lock), so events leave in outbox
 * order, which is commit order per aggregate: every write locks its aggregate's row. Rows are
 * selected by "not yet published", never by position, so a row that committed late is not
 * skipped. While NATS is down it backs off and retries; nothing is marked before it is stored.
 */
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly publisher: EventPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Before the pool closes: the last batch finishes (or rolls back) first. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.publisher.close();
  }

  /** Publishes what is pending now; the number of events published. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (transaction) => {
      const [{ locked }] = await transaction.query(
        'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
        [`convene:relay:${this.schema}`],
      );
      if (!locked) return 0;
      const rows: { position: string; envelope: CloudEvent<object> }[] = await transaction.query(
        `SELECT position, envelope FROM "${this.schema}".outbox
          WHERE published_at IS NULL ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH_SIZE],
      );
      for (const row of rows) await this.publisher.publish(row.envelope);
      if (rows.length > 0) {
        await transaction.query(
          `UPDATE "${this.schema}".outbox SET published_at = now() WHERE position = ANY($1::bigint[])`,
          [rows.map((row) => row.position)],
        );
      }
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    let backoff = IDLE_POLL_MS;
    while (this.running) {
      try {
        const published = await this.relayOnce();
        backoff = IDLE_POLL_MS;
        if (published === BATCH_SIZE) continue;
      } catch (error) {
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        this.logger.warn(`publishing events failed, retrying in ${backoff} ms: ${String(error)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoff);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
