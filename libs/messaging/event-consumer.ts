import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type ConsumerMessages,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Logger } from '@nestjs/common';
import { DOMAIN_EVENT_SUBJECTS, type CloudEvent } from '#libs/contracts';
import { DOMAIN_EVENT_STREAM } from './event-publisher.js';
import { connectNats } from './nats-connect-options.js';

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
    const manager = await jetstreamManager(this.connection);
    const exists = await manager.consumers
      .info(DOMAIN_EVENT_STREAM, this.durableName)
      .then(() => true)
      .catch(() => false);
    if (!exists) {
      await manager.consumers.add(DOMAIN_EVENT_STREAM, {
        durable_name: this.durableName,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: DOMAIN_EVENT_SUBJECTS,
        ack_wait: 30 * SECOND_NANOS,
      });
    }
    const consumer = await jetstream(this.connection).consumers.get(
      DOMAIN_EVENT_STREAM,
      this.durableName,
    );
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
