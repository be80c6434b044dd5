import { DeliverPolicy } from '@nats-io/jetstream';
import type { CloudEvent } from '#libs/contracts';
import { connectNats, durableConsumer } from '#libs/messaging';

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
  const connection = await connectNats(natsUrl, name);
  const consumer = await durableConsumer(connection, {
    durable_name: name,
    deliver_policy: DeliverPolicy.All,
  });
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
