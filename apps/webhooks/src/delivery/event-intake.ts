import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DeliverPolicy, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { connectNats, durableConsumer } from '#libs/messaging';
import { WebhooksConfig } from '../webhooks.config.js';
import { DeliveryWorker } from './delivery-worker.js';
import { webhookEventsReceived } from './webhook.metrics.js';

/** The durable consumer all webhooks instances share: each event goes to one of them. */
export const WEBHOOKS_CONSUMER = 'webhooks';
const BATCH_SIZE = 100;
const RETRY_AFTER_FAILURE_MS = 1000;

interface IncomingEvent {
  id: string;
  type: string;
  body: string;
}

/**
 * Reads the domain-event stream through a durable JetStream consumer with explicit acks and
 * records, for each event, one delivery per enabled endpoint that wants its type; only then
 * acks. Recording is idempotent (unique endpoint and event), so an event redelivered after a
 * crash between commit and ack is recorded once. Messages that arrive together are recorded
 * in one transaction.
 */
@Injectable()
export class EventIntake implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EventIntake');
  private connection: NatsConnection | undefined;
  private messages: ConsumerMessages | undefined;
  private readonly waiting: JsMsg[] = [];
  private draining: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly worker: DeliveryWorker,
    private readonly config: WebhooksConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await connectNats(this.config.NATS_URL, 'webhooks-intake');
    const consumer = await durableConsumer(this.connection, {
      durable_name: WEBHOOKS_CONSUMER,
      // Endpoints only exist once this service runs, and it creates the consumer before it
      // answers any registration: no earlier event can be for one of them.
      deliver_policy: DeliverPolicy.New,
      ack_wait: nanos(30_000),
      max_ack_pending: 1000,
    });
    this.messages = await consumer.consume({
      max_messages: BATCH_SIZE * 2,
      callback: (message) => {
        this.waiting.push(message);
        this.scheduleDrain();
      },
    });
  }

  /** Stops taking messages; those taken are recorded (or left unacked) before the pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.messages?.close().catch(() => undefined);
    await this.draining;
    if (this.connection && !this.connection.isClosed()) {
      await this.connection.drain().catch(() => this.connection?.close());
    }
  }

  /** One drain at a time; a message that came as the last one ended starts the next. */
  private scheduleDrain(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.waiting.length > 0) this.scheduleDrain();
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, BATCH_SIZE);
      try {
        const deliveries = await this.record(batch.map(toIncomingEvent));
        for (const message of batch) message.ack();
        webhookEventsReceived.inc({ kind: 'event' }, batch.length);
        if (deliveries > 0) {
          webhookEventsReceived.inc({ kind: 'delivery' }, deliveries);
          this.worker.wake();
        }
      } catch (error) {
        this.logger.warn(
          `recording ${batch.length} events failed, redelivery follows: ${String(error)}`,
        );
        for (const message of batch) message.nak(RETRY_AFTER_FAILURE_MS);
      }
    }
  }

  /** One statement: the events some endpoint wants, and their deliveries. The number of new deliveries. */
  private async record(events: (IncomingEvent | undefined)[]): Promise<number> {
    const usable = events.filter((event): event is IncomingEvent => event !== undefined);
    if (usable.length === 0) return 0;
    const rows: unknown[] = await this.dataSource.query(
      `WITH incoming AS (
         SELECT DISTINCT ON (id) id, type, body
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS m(id, type, body)
       ),
       matched AS (
         SELECT m.id AS event_id, ep.id AS endpoint_id
           FROM incoming m JOIN webhooks.endpoint ep
             ON ep.enabled AND (ep.all_event_types OR m.type = ANY(ep.event_types))
       ),
       stored AS (
         INSERT INTO webhooks.event (id, type, body)
         SELECT m.id, m.type, m.body FROM incoming m
          WHERE m.id IN (SELECT event_id FROM matched)
         ON CONFLICT (id) DO NOTHING
       )
       INSERT INTO webhooks.delivery (endpoint_id, event_id, next_attempt_at)
       SELECT endpoint_id, event_id, now() FROM matched
       ON CONFLICT (endpoint_id, event_id) DO NOTHING
       RETURNING id`,
      [
        usable.map((event) => event.id),
        usable.map((event) => event.type),
        usable.map((event) => event.body),
      ],
    );
    return rows.length;
  }
}

/** The event id and type from the CloudEvent; a message that is not one is skipped (and acked). */
function toIncomingEvent(message: JsMsg): IncomingEvent | undefined {
  const body = message.string();
  try {
    const event = JSON.parse(body) as { id?: unknown; type?: unknown };
    if (typeof event.id === 'string' && /^[0-9a-f-]{36}$/i.test(event.id)) {
      return {
        id: event.id,
        type: typeof event.type === 'string' ? event.type : message.subject,
        body,
      };
    }
  } catch {
    // not JSON
  }
  return undefined;
}
