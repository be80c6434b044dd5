import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type Consumer,
  type ConsumerConfig,
  type ConsumerMessages,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Logger } from '@nestjs/common';
import { DOMAIN_EVENT_SUBJECTS, type CloudEvent } from '#libs/contracts';
import { DOMAIN_EVENT_STREAM } from './event-publisher.js';
import { connectNats } from './nats-connect-options.js';

/**
 * The durable, explicitly acknowledging consumer of the domain-event stream named in `config`,
 * created if it does not exist yet; safe when several replicas start at once.
 */
export async function durableConsumer(
  connection: NatsConnection,
  config: Partial<ConsumerConfig> & { durable_name: string },
): Promise<Consumer> {
  const manager = await jetstreamManager(connection);
  const name = config.durable_name;
  const existing = await manager.consumers.info(DOMAIN_EVENT_STREAM, name).catch(() => undefined);
  if (!existing) {
    await manager.consumers
      .add(DOMAIN_EVENT_STREAM, {
        ack_policy: AckPolicy.Explicit,
        filter_subject: DOMAIN_EVENT_SUBJECTS,
        ...config,
      })
      .catch(async (raced: unknown) => {
        // Another replica created it in between: fine.
        await manager.consumers.info(DOMAIN_EVENT_STREAM, name).catch(() => Promise.reject(raced));
      });
  }
  return jetstream(connection).consumers.get(DOMAIN_EVENT_STREAM, name);
}

export type DomainEventHandler = (event: CloudEvent<Record<string, unknown>>) => Promise<void>;

const SECOND_NANOS = 1_000_000_000;
/** How long a failed event waits before it is delivered again. */
const RETRY_DELAY_MS = 1000;

/**
 * A durable JetStream consumer of the domain-event stream: it resumes where it stopped, across
 * restarts and replicas (which share it), and gets every event at least once. An event is
 * acknowledged only after `handle` resolved; a failure is delivered again after a pause, so
 * `handle` must be idempotent by event id. A message that is not JSON is logged and dropped.
 */
export class DomainEventConsumer {
  private readonly logger = new Logger('DomainEventConsumer');
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;

  private constructor(
    private readonly connection: NatsConnection,
    private readonly durableName: string,
  ) {}

  static async connect(url: string, durableName: string): Promise<DomainEventConsumer> {
    const connection = await connectNats(url, `${durableName}-consumer`);
    return new DomainEventConsumer(connection, durableName);
  }

  /** Creates the durable consumer if needed and starts handling events; returns at once. */
  async start(handle: DomainEventHandler): Promise<void> {
    const consumer = await durableConsumer(this.connection, {
      durable_name: this.durableName,
      deliver_policy: DeliverPolicy.All,
      ack_wait: 30 * SECOND_NANOS,
    });
    const messages = await consumer.consume({ max_messages: 100 });
    this.messages = messages;
    this.loop = this.handleAll(messages, handle).catch((error: unknown) => {
      // The iterator itself failed (not a handler): said loudly; a restart resumes where it stopped.
      this.logger.error(`consuming ${this.durableName} stopped: ${String(error)}`);
    });
  }

  private async handleAll(messages: ConsumerMessages, handle: DomainEventHandler): Promise<void> {
    for await (const message of messages) {
      let event: CloudEvent<Record<string, unknown>>;
      try {
        event = message.json<CloudEvent<Record<string, unknown>>>();
      } catch {
        this.logger.warn(`dropping message ${message.seq} on ${message.subject}: not JSON`);
        message.term();
        continue;
      }
      try {
        await handle(event);
        message.ack();
      } catch (error) {
        this.logger.warn(`event ${event.id} failed, delivering it again: ${String(error)}`);
        message.nak(RETRY_DELAY_MS);
      }
    }
  }

  /** Stops taking events, lets the one being handled finish, and closes the connection. */
  async close(): Promise<void> {
    await this.messages?.close();
    await this.loop;
    if (this.connection.isClosed()) return;
    await this.connection.drain().catch(() => this.connection.close());
  }
}
