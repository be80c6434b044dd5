import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createOutboxNotifySql,
  createOutboxTableSql,
  dropOutboxNotifySql,
  dropOutboxTableSql,
} from '#libs/persistence';

export class CreateAuditLog1764420000000 implements MigrationInterface {
  name = 'CreateAuditLog1764420000000';

  async up(runner: QueryRunner): Promise<void> {
    // One row per domain event, keyed by its id: a redelivered event is the same row.
    await runner.query(`
      CREATE TABLE "audit"."entry" (
        "event_id" uuid PRIMARY KEY,
        "occurred_at" timestamptz NOT NULL,
        "actor" text NOT NULL,
        "type" text NOT NULL,
        "service" text NOT NULL,
        "entity" text NOT NULL,
        "action" text NOT NULL,
        "object_id" text NOT NULL,
        "entity_id" text,
        "correlation_id" text NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now()
      )`);
    // The log is read newest first, whole or by actor or by object.
    await runner.query(
      `CREATE INDEX "entry_time_idx" ON "audit"."entry" ("occurred_at" DESC, "event_id" DESC)`,
    );
    await runner.query(
      `CREATE INDEX "entry_actor_idx" ON "audit"."entry" ("actor", "occurred_at" DESC, "event_id" DESC)`,
    );
    await runner.query(
      `CREATE INDEX "entry_object_idx" ON "audit"."entry" ("object_id", "occurred_at" DESC, "event_id" DESC)`,
    );
    await runner.query(
      `CREATE INDEX "entry_entity_idx" ON "audit"."entry" ("entity_id", "occurred_at" DESC, "event_id" DESC) WHERE "entity_id" IS NOT NULL`,
    );
    // Every service has an outbox that its relay reads; the audit log records no events of its own.
    for (const statement of [...createOutboxTableSql('audit'), ...createOutboxNotifySql('audit')]) {
      await runner.query(statement);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of [...dropOutboxNotifySql('audit'), ...dropOutboxTableSql('audit')]) {
      await runner.query(statement);
    }
    await runner.query(`DROP TABLE "audit"."entry"`);
  }
}
