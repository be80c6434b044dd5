import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { CloudEvent } from '#libs/contracts';
import { DOMAIN_EVENT_STREAM } from '#libs/messaging';

export interface StoredEvent {
  subject: string;
  msgId: string | undefined;
  event: CloudEvent<Record<string, unknown>>;
}

/** Every message of the domain-event stream, in stream order (empty when there is no stream yet). */
export async function readEventStream(natsUrl: string): Promise<StoredEvent[]> {
  const connection = await connect({ servers: natsUrl });
  try {
    const manager = await jetstreamManager(connection);
    const info = await manager.streams.info(DOMAIN_EVENT_STREAM).catch(() => undefined);
    if (!info || info.state.messages === 0) return [];
    const events: StoredEvent[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq += 1) {
      const message = await manager.streams.getMessage(DOMAIN_EVENT_STREAM, { seq });
      if (!message) continue;
      events.push({
        subject: message.subject,
        msgId: message.header?.get('Nats-Msg-Id'),
        event: message.json<CloudEvent<Record<string, unknown>>>(),
      });
    }
    return events;
  } finally {
    await connection.close();
  }
}

/** Polls until `check` holds, for at most `timeoutMs`; returns the last value. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
