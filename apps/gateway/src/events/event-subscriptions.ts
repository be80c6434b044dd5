import { Inject, Injectable } from '@nestjs/common';
import type { CloudEvent } from '#libs/contracts';
import { DomainEventStream, RpcError, type DomainEventSubscription } from '#libs/messaging';
import { matchesScope, type EventFilter } from './event-filter.js';

export const SUBSCRIPTION_RESUME_WINDOW = Symbol('SUBSCRIPTION_RESUME_WINDOW');

/** Opens a subscriber's view of the domain-event stream: filtered, and resumed after an event id. */
@Injectable()
export class EventSubscriptions {
  constructor(
    private readonly stream: DomainEventStream,
    @Inject(SUBSCRIPTION_RESUME_WINDOW) private readonly resumeWindow: number,
  ) {}

  /**
   * Events matching the filter: after `after` (every one the client missed, in order, then live
   * ones), or from now on. An `after` that is not among the newest `resumeWindow` events is a
   * BAD_USER_INPUT: the client cannot be given what it missed and must reload instead.
   */
  async open(
    filter: EventFilter,
    after?: string | null,
    audience: (event: CloudEvent<unknown>) => boolean = () => true,
  ): Promise<DomainEventSubscription> {
    const startSequence = after ? await this.sequenceAfter(after) : undefined;
    return this.stream.subscribe({
      subjects: [...filter.types],
      startSequence,
      accept: (event) => audience(event) && matchesScope(event, filter),
    });
  }

  private async sequenceAfter(eventId: string): Promise<number> {
    const sequence = await this.stream.sequenceOf(eventId, this.resumeWindow);
    if (sequence === undefined) {
      throw RpcError.badInput([
        {
          field: 'after',
          rule: 'isRecentEvent',
          message: `no event ${eventId} among the last ${this.resumeWindow} events: it is unknown or has expired; subscribe without after and reload the current state`,
        },
      ]);
    }
    return sequence + 1;
  }
}
