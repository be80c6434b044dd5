import {
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type Consumer,
  type ConsumerInfo,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { CloudEvent } from '#libs/contracts';
import { DOMAIN_EVENT_STREAM } from './event-publisher.js';
import { connectNats } from './nats-connect-options.js';
import { RpcError } from './rpc-error.js';
import { narrowestSubjectFilter, subjectMatches } from './subject-filter.js';

/** A domain event as read from the stream. */
export type DomainEventEnvelope = CloudEvent<Record<string, unknown>>;

export interface DomainEventSubscriptionOptions {
  /** Event types (subjects, wildcards allowed) wanted; the server filters as far as it can, this class the rest. */
  subjects: string[];
  /** First stream sequence to deliver, then every later one; without it, only events stored from now on. */
  startSequence?: number;
  /** What the server's subject filter cannot decide (work stream, training): false skips the event. */
  accept?: (event: DomainEventEnvelope) => boolean;
}

/** How many messages a scan for an event id reads back from the newest before widening. */
const FIRST_SCAN_SIZE = 256;

/**
 * Reads the domain-event stream for live subscribers: an ordered, ephemeral, in-memory consumer
 * per subscription, so any replica serves any client, replay and live delivery are one ordered
 * sequence with no gap, and the subject filter runs in the server. The cost is one consumer per
 * subscription on the NATS server, fine for integrations counted in hundreds; a shared consumer
 * with fan-out would save that but needs its own replay path for resuming clients.
 */
export class DomainEventStream implements OnApplicationShutdown {
  private constructor(
    private readonly connection: NatsConnection,
    private readonly client: JetStreamClient,
    private readonly manager: JetStreamManager,
  ) {}

  static async connect(url: string, name: string): Promise<DomainEventStream> {
    const connection = await connectNats(url, name);
    return new DomainEventStream(
      connection,
      jetstream(connection),
      await jetstreamManager(connection),
    );
  }

  /**
   * The stream sequence of the event with this id, or undefined when it is not among the newest
   * `depth` events (unknown, or expired). Event ids are random, so the stream is scanned by
   * headers only, newest first in widening windows: the cost grows with how far back the event
   * is, which is about the number of events a resuming client missed and gets replayed anyway.
   */
  async sequenceOf(eventId: string, depth: number): Promise<number | undefined> {
    const info = await this.manager.streams
      .info(DOMAIN_EVENT_STREAM)
      .catch((error: unknown) => (/not found/i.test(String(error)) ? undefined : unavailable()));
    if (!info || info.state.messages === 0) return undefined;
    const lowest = Math.max(info.state.first_seq, info.state.last_seq - depth + 1);
    let end = info.state.last_seq;
    for (let size = FIRST_SCAN_SIZE; end >= lowest; size *= 4) {
      const start = Math.max(lowest, end - size + 1);
      const found = await this.scan(start, end, eventId);
      if (found !== undefined) return found;
      end = start - 1;
    }
    return undefined;
  }

  /** Events of the stream in stream order, from `startSequence` or from now on, until returned. */
  async subscribe(options: DomainEventSubscriptionOptions): Promise<DomainEventSubscription> {
    const filter = narrowestSubjectFilter(options.subjects, this.serverFiltersManySubjects());
    const consumer = await this.client.consumers
      .get(DOMAIN_EVENT_STREAM, {
        ...(filter !== undefined && { filter_subjects: filter }),
        ...(options.startSequence === undefined
          ? { deliver_policy: DeliverPolicy.New }
          : { opt_start_seq: options.startSequence }),
      })
      .catch(unavailable);
    try {
      const messages = await consumer.consume({ max_messages: 100 });
      const accept = options.accept ?? (() => true);
      const wanted = (subject: string) =>
        options.subjects.some((pattern) => subjectMatches(pattern, subject));
      return new DomainEventSubscription(
        consumer,
        messages,
        (subject, event) => wanted(subject) && accept(event),
      );
    } catch (error) {
      await consumer.delete().catch(() => false);
      throw error;
    }
  }

  /**
   * Ephemeral consumers on the server, e.g. to see that subscriptions cleaned up after
   * themselves; durable ones (webhooks, audit, integrations) are not counted.
   */
  async consumerCount(): Promise<number> {
    let count = 0;
    for await (const consumer of this.manager.consumers.list(DOMAIN_EVENT_STREAM)) {
      // The server lists a consumer that is being deleted as null, whatever the types say.
      const info = consumer as ConsumerInfo | null;
      if (info && !info.config.durable_name) count += 1;
    }
    return count;
  }

  async close(): Promise<void> {
    if (this.connection.isClosed()) return;
    await this.connection.drain().catch(() => this.connection.close());
  }

  /** Nest calls this when the app that was given this stream closes (after its sockets). */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  /** nats-server 2.10 added consumers with several filter subjects. */
  private serverFiltersManySubjects(): boolean {
    const [major = 0, minor = 0] = (this.connection.info?.version ?? '0.0')
      .split('.')
      .map((part) => Number.parseInt(part, 10));
    return major > 2 || (major === 2 && minor >= 10);
  }

  private async scan(start: number, end: number, eventId: string): Promise<number | undefined> {
    const consumer = await this.client.consumers.get(DOMAIN_EVENT_STREAM, {
      opt_start_seq: start,
      headers_only: true,
    });
    const messages = await consumer.consume({ max_messages: Math.min(end - start + 1, 1000) });
    try {
      for await (const message of messages) {
        if (message.headers?.get('Nats-Msg-Id') === eventId) return message.seq;
        if (message.seq >= end || message.info.pending === 0) return undefined;
      }
      return undefined;
    } finally {
      messages.stop();
      await consumer.delete().catch(() => false);
    }
  }
}

/** NATS down, or no stream yet (no service has started): the caller may try again later. */
function unavailable(): never {
  throw RpcError.unavailable('The domain-event stream is not available');
}

/**
 * One subscriber's events. Written by hand rather than as an async generator: a generator
 * waiting for the next message cannot be returned until one arrives, so a client that
 * unsubscribes from a quiet stream would keep its consumer alive; here `return` stops the
 * consumer at once and ends a pending `next`.
 */
export class DomainEventSubscription implements AsyncIterableIterator<DomainEventEnvelope> {
  private readonly iterator: AsyncIterator<JsMsg>;
  private closed = false;

  constructor(
    private readonly consumer: Consumer,
    private readonly messages: ConsumerMessages,
    private readonly accept: (subject: string, event: DomainEventEnvelope) => boolean,
  ) {
    this.iterator = messages[Symbol.asyncIterator]();
  }

  async next(): Promise<IteratorResult<DomainEventEnvelope>> {
    while (!this.closed) {
      const result = await this.iterator.next().catch(async (error: unknown) => {
        await this.return();
        throw error;
      });
      if (result.done || this.closed) break;
      const event = result.value.json<DomainEventEnvelope>();
      if (this.accept(result.value.subject, event)) return { value: event, done: false };
    }
    await this.return();
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<DomainEventEnvelope>> {
    if (!this.closed) {
      this.closed = true;
      this.messages.stop();
      // The server would drop the consumer after it idles; deleting it now frees it at once.
      await this.consumer.delete().catch(() => false);
    }
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<DomainEventEnvelope>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<DomainEventEnvelope> {
    return this;
  }
}
