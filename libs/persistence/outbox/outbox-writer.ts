import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CloudEvent, DomainEventType } from '#libs/contracts';
import type { CallContext } from '#libs/messaging';
import { OutboxEvent } from './outbox-event.entity.js';

export interface DomainEventInput<T extends object> {
  type: DomainEventType;
  /** Id of the aggregate the event is about. */
  subject: string;
  data: T;
}

/**
 * Records domain events in the outbox. Always called with the transaction's manager,
 * so an event exists if and only if its change committed. The caller of the request
 * becomes the event's actor.
 */
export class OutboxWriter {
  constructor(private readonly source: string) {}

  async record<T extends object>(
    transaction: EntityManager,
    call: CallContext,
    event: DomainEventInput<T>,
  ): Promise<CloudEvent<T>> {
    const envelope: CloudEvent<T> = {
      specversion: '1.0',
      id: randomUUID(),
      source: this.source,
      type: event.type,
      subject: event.subject,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data: event.data,
      conveneactor: call.caller.id,
      convenecorrelationid: call.correlationId,
    };
    await transaction.insert(OutboxEvent, {
      id: envelope.id,
      type: envelope.type,
      aggregateId: envelope.subject,
      envelope,
    });
    return envelope;
  }
}
