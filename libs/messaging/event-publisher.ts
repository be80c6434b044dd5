import {
  DiscardPolicy,
  jetstream,
  jetstreamManager,
  StorageType,
  type JetStreamClient,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DOMAIN_EVENT_SUBJECTS, type CloudEvent } from '#libs/contracts';
import { connectNats } from './nats-connect-options.js';

/** The one JetStream stream of domain events; every `convene.<service>.<entity>.<action>` lands there. */
export const DOMAIN_EVENT_STREAM = 'CONVENE_EVENTS';
/** JetStream drops a message whose Nats-Msg-Id it saw within this window. */
const DUPLICATE_WINDOW_NANOS = 10 * 60 * 1_000_000_000;
const NANOS_PER_DAY = 24 * 60 * 60 * 1_000_000_000;

/** How much history the stream keeps; the oldest events go first when a limit is reached. */
export interface StreamRetention {
  maxAgeDays: number;
  maxMegabytes: number;
}

/** Publishes domain events to JetStream, the event id as Nats-Msg-Id so the server drops duplicates. */
export class EventPublisher {
  private constructor(
    private readonly connection: NatsConnection,
    private readonly client: JetStreamClient,
  ) {}

  static async connect(url: string, name: string): Promise<EventPublisher> {
    const connection = await connectNats(url, name);
    return new EventPublisher(connection, jetstream(connection));
  }

  /** Creates the stream, or brings its configuration up to date; safe from every replica at once. */
  async ensureStream(retention: StreamRetention): Promise<void> {
    const manager = await jetstreamManager(this.connection);
    const config = {
      subjects: [DOMAIN_EVENT_SUBJECTS],
      duplicate_window: DUPLICATE_WINDOW_NANOS,
      max_age: retention.maxAgeDays * NANOS_PER_DAY,
      max_bytes: retention.maxMegabytes * 1024 * 1024,
      discard: DiscardPolicy.Old,
      storage: StorageType.File,
    };
    try {
      await manager.streams.info(DOMAIN_EVENT_STREAM);
      await manager.streams.update(DOMAIN_EVENT_STREAM, config);
    } catch (error) {
      if (!/not found/i.test(String(error))) throw error;
      await manager.streams
        .add({ name: DOMAIN_EVENT_STREAM, ...config })
        .catch(async (raced: unknown) => {
          // Another replica created it in between: fine.
          await manager.streams.info(DOMAIN_EVENT_STREAM).catch(() => Promise.reject(raced));
        });
    }
  }

  /** Resolves once the stream has stored the event (or recognised it as a duplicate). */
  async publish(event: CloudEvent<object>, timeoutMs = 5000): Promise<void> {
    await this.client.publish(event.type, JSON.stringify(event), {
      msgID: event.id,
      timeout: timeoutMs,
    });
  }

  /** Drains (in-flight messages finish); when the server is already gone, just closes. */
  async close(): Promise<void> {
    if (this.connection.isClosed()) return;
    await this.connection.drain().catch(() => this.connection.close());
  }
}
