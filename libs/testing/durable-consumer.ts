import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { CloudEvent } from '#libs/contracts';
import { DOMAIN_EVENT_STREAM } from '#libs/messaging';

/** A durable, explicitly acknowledging consumer of the domain-event stream, as an integration runs one. */
export interface DurableConsumer {
  /** Every event delivered, in delivery order, redeliveries and duplicates included. */
  readonly received: CloudEvent<Record<string, unknown>>[];
  /** Called for each delivered event, after it is recorded and acknowledged. */
  onEvent: (event: CloudEvent<Record<string, unknown>>) => void;
  stop(): Promise<void>;
}

export async function startDurableConsumer(
  natsUrl: string,
  name: string,
): Promise<DurableConsumer> {
  const connection = await connect({ servers: natsUrl, maxReconnectAttempts: -1 });
  const manager = await jetstreamManager(connection);
  await manager.consumers.add(DOMAIN_EVENT_STREAM, {
    durable_name: name,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
  });
  const consumer = await jetstream(connection).consumers.get(DOMAIN_EVENT_STREAM, name);
  const messages = await consumer.consume();
  const state: DurableConsumer = {
    received: [],
    onEvent: () => undefined,
    stop: async () => {
      await messages.close();
      await connection.close();
    },
  };
  void (async () => {
    for await (const message of messages) {
      const event = message.json<CloudEvent<Record<string, unknown>>>();
      state.received.push(event);
      message.ack();
      state.onEvent(event);
    }
  })();
  return state;
}
