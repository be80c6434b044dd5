import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { WebhookDeliveryStatus } from '#libs/contracts';
import { newCallContext, SYSTEM_CALLER } from '#libs/messaging';
import { EndpointsService } from '../endpoints/endpoints.service.js';
import { WebhooksConfig } from '../webhooks.config.js';
import { DeliveryQueue, type AttemptRecord, type ClaimedDelivery } from './delivery-queue.js';
import { nextAttemptDelay, parseRetrySchedule } from './retry-schedule.js';
import { signedHeaders } from './signature.js';
import { WebhookSender } from './webhook-sender.js';
import { webhookAttemptDuration, webhookAttempts, webhookDeliveries } from './webhook.metrics.js';

/** How long past the attempt's timeout a claimed delivery stays leased to its worker. */
const LEASE_MARGIN_MS = 30_000;
const MAX_BACKOFF_MS = 5000;
const HTTP_GONE = 410;

/**
 * Attempts due deliveries, up to WEBHOOK_CONCURRENCY at once. It wakes when this instance
 * records or replays a delivery, when the next retry falls due, and at least every
 * WEBHOOK_POLL_INTERVAL_MS for work recorded by other instances.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeliveryWorker');
  private readonly schedule: number[];
  private readonly sender: WebhookSender;
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;

  constructor(
    private readonly queue: DeliveryQueue,
    private readonly endpoints: EndpointsService,
    private readonly config: WebhooksConfig,
  ) {
    this.schedule = parseRetrySchedule(config.WEBHOOK_RETRY_SCHEDULE) ?? [];
    this.sender = new WebhookSender(config.WEBHOOK_TIMEOUT_MS, config.WEBHOOK_ALLOW_PRIVATE_URLS);
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Attempts in flight finish (each within its timeout) and are recorded before the pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await Promise.all(this.inFlight);
  }

  /** There may be due work now. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    let backoff = this.config.WEBHOOK_POLL_INTERVAL_MS;
    while (this.running) {
      this.woken = false;
      let wait = this.config.WEBHOOK_POLL_INTERVAL_MS;
      try {
        const capacity = this.config.WEBHOOK_CONCURRENCY - this.inFlight.size;
        if (capacity > 0) {
          const claimed = await this.queue.claim(
            capacity,
            this.config.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS,
          );
          for (const delivery of claimed) this.start(delivery);
          if (claimed.length === capacity) continue;
          const nextDue = await this.queue.nextDueInMs();
          if (nextDue !== undefined) wait = Math.min(wait, nextDue);
        }
        backoff = this.config.WEBHOOK_POLL_INTERVAL_MS;
      } catch (error) {
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        wait = backoff;
        this.logger.warn(`claiming deliveries failed, retrying in ${backoff} ms: ${String(error)}`);
      }
      if (this.woken || !this.running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = undefined;
    }
  }

  private start(delivery: ClaimedDelivery): void {
    const attempt = this.attempt(delivery)
      .catch((error: unknown) =>
        this.logger.error(`delivery ${delivery.id} could not be recorded: ${String(error)}`),
      )
      .finally(() => {
        this.inFlight.delete(attempt);
        this.wake();
      });
    this.inFlight.add(attempt);
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const attemptedAt = new Date();
    const headers = signedHeaders(
      delivery.secret,
      delivery.eventId,
      delivery.body,
      Math.floor(attemptedAt.getTime() / 1000),
    );
    const result = await this.sender.send(delivery.url, headers, delivery.body);
    const succeeded =
      result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const gone = result.statusCode === HTTP_GONE;
    const retryInMs =
      succeeded || gone ? null : nextAttemptDelay(this.schedule, delivery.seriesAttempts + 1);
    const status = succeeded
      ? WebhookDeliveryStatus.SUCCEEDED
      : retryInMs === null
        ? WebhookDeliveryStatus.FAILED
        : WebhookDeliveryStatus.PENDING;
    const record: AttemptRecord = { attemptedAt, ...result, succeeded, status, retryInMs };

    const outcome = succeeded ? 'succeeded' : 'failed';
    webhookAttempts.inc({ outcome });
    webhookAttemptDuration.observe({ outcome }, result.latencyMs / 1000);
    const recorded = await this.queue.record(delivery, record);
    if (!recorded) return;
    if (status !== WebhookDeliveryStatus.PENDING) webhookDeliveries.inc({ status: outcome });
    if (gone) {
      await this.endpoints.disable(
        delivery.endpointId,
        newCallContext(SYSTEM_CALLER),
        'the endpoint answered 410 Gone',
      );
    }
  }
}
