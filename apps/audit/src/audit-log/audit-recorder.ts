import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ServiceConfig } from '#libs/config';
import type { CloudEvent } from '#libs/contracts';
import { DomainEventConsumer } from '#libs/messaging';
import { auditEntryOf } from './audit-entry.js';
import { AuditLogRepository } from './audit-log.repository.js';

/** The durable consumer's name: every replica of the audit service shares it. */
export const AUDIT_CONSUMER = 'audit-log';

/**
 * Writes one audit entry per domain event of the stream. Delivery is at least once; the entry
 * is keyed by event id, so a redelivered or republished event is stored once.
 */
@Injectable()
export class AuditRecorder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditRecorder');
  private consumer: DomainEventConsumer | undefined;

  constructor(
    private readonly config: ServiceConfig,
    private readonly entries: AuditLogRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await DomainEventConsumer.connect(this.config.NATS_URL, AUDIT_CONSUMER);
    await this.consumer.start((event) => this.record(event));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.close();
  }

  async record(event: CloudEvent<Record<string, unknown>>): Promise<void> {
    const entry = auditEntryOf(event);
    if (!entry) {
      this.logger.warn(
        `not a domain event, not audited: ${String(event.id)} ${String(event.type)}`,
      );
      return;
    }
    await this.entries.record(entry);
  }
}
