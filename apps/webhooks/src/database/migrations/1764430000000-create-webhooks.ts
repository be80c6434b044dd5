import type { MigrationInterface, QueryRunner } from 'typeorm';
import { WebhookDeliveryStatus } from '#libs/contracts';
import {
  createOutboxNotifySql,
  createOutboxTableSql,
  dropOutboxNotifySql,
  dropOutboxTableSql,
} from '#libs/persistence';

const STATUSES = Object.values(WebhookDeliveryStatus)
  .map((status) => `'${status}'`)
  .join(', ');

export class CreateWebhooks1764430000000 implements MigrationInterface {
  name = 'CreateWebhooks1764430000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "webhooks"."endpoint" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "url" text NOT NULL,
        "description" text,
        "event_types" text[] NOT NULL DEFAULT '{}',
        "all_event_types" boolean NOT NULL DEFAULT false,
        "secret" text NOT NULL,
        "enabled" boolean NOT NULL DEFAULT true,
        "disabled_reason" text,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "endpoint_has_event_types" CHECK ("all_event_types" OR cardinality("event_types") > 0)
      )`);
    await runner.query(
      `CREATE INDEX "endpoint_created_idx" ON "webhooks"."endpoint" ("created_at", "id")`,
    );
    // The event exactly as it came off the stream: these bytes are what every attempt signs.
    await runner.query(`
      CREATE TABLE "webhooks"."event" (
        "id" uuid PRIMARY KEY,
        "type" text NOT NULL,
        "body" text NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE "webhooks"."delivery" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "position" bigserial NOT NULL,
        "endpoint_id" uuid NOT NULL REFERENCES "webhooks"."endpoint" ("id") ON DELETE CASCADE,
        "event_id" uuid NOT NULL REFERENCES "webhooks"."event" ("id"),
        "status" text NOT NULL DEFAULT 'PENDING' CONSTRAINT "delivery_status_check" CHECK ("status" IN (${STATUSES})),
        "series" integer NOT NULL DEFAULT 0,
        "series_attempts" integer NOT NULL DEFAULT 0,
        "attempt_count" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz,
        "lease_token" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "completed_at" timestamptz,
        CONSTRAINT "delivery_endpoint_event_key" UNIQUE ("endpoint_id", "event_id")
      )`);
    await runner.query(
      `CREATE INDEX "delivery_due_idx" ON "webhooks"."delivery" ("next_attempt_at") WHERE "status" = 'PENDING'`,
    );
    await runner.query(
      `CREATE INDEX "delivery_endpoint_created_idx" ON "webhooks"."delivery" ("endpoint_id", "position" DESC)`,
    );
    await runner.query(`CREATE INDEX "delivery_event_idx" ON "webhooks"."delivery" ("event_id")`);
    await runner.query(`
      CREATE TABLE "webhooks"."attempt" (
        "delivery_id" uuid NOT NULL REFERENCES "webhooks"."delivery" ("id") ON DELETE CASCADE,
        "number" integer NOT NULL,
        "series" integer NOT NULL,
        "attempted_at" timestamptz NOT NULL,
        "status_code" integer,
        "error" text,
        "latency_ms" integer NOT NULL,
        "succeeded" boolean NOT NULL,
        PRIMARY KEY ("delivery_id", "number")
      )`);
    for (const statement of [
      ...createOutboxTableSql('webhooks'),
      ...createOutboxNotifySql('webhooks'),
    ]) {
      await runner.query(statement);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of [...dropOutboxNotifySql('webhooks'), ...dropOutboxTableSql('webhooks')])
      await runner.query(statement);
    for (const table of ['attempt', 'delivery', 'event', 'endpoint'])
      await runner.query(`DROP TABLE "webhooks"."${table}"`);
  }
}
