import {
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { CloudEvent } from '#libs/contracts';
import type { EventPublisher } from '#libs/messaging';
import { OUTBOX_CHANNEL } from '#libs/persistence';

const BATCH_SIZE = 100;
const MAX_BACKOFF_MS = 5000;

/**
 * Publishes a service's outbox rows to JetStream and marks them published. One relay of a
 * service works at a time (a transaction-scoped advisory lock), so events leave in outbox
 * order, which is commit order per aggregate: every write locks its aggregate's row. Rows are
 * selected by "not yet published", never by position, so a row that committed late is not
 * skipped. While NATS is down it backs off and retries; nothing is marked before it is stored.
 * A committed insert wakes it through Postgres NOTIFY; polling is the fallback.
 */
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** A notification came while a batch was under way: look again before sleeping. */
  private notified = false;
  private listener: pg.Client | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly publisher: EventPublisher,
    private readonly idlePollMs = 1000,
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
    await this.listener?.end().catch(() => undefined);
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
    let backoff = this.idlePollMs;
    while (this.running) {
      if (!this.listener) await this.listen();
      this.notified = false;
      try {
        const published = await this.relayOnce();
        backoff = this.idlePollMs;
        if (published === BATCH_SIZE || this.notified) continue;
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

  /** LISTENs on its own connection; when that fails or drops, polling carries on and it retries. */
  private async listen(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new pg.Client({ connectionString: url });
    const lost = () => {
      if (this.listener === client) this.listener = undefined;
    };
    client.on('notification', (message) => {
      if (message.payload !== this.schema) return;
      this.notified = true;
      this.wake?.();
    });
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
    } catch {
      await client.end().catch(() => undefined);
    }
  }
}
