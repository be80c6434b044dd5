import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createOutboxNotifySql,
  createOutboxTableSql,
  dropOutboxNotifySql,
  dropOutboxTableSql,
} from '#libs/persistence';

export class CreateApiKeys1764420000000 implements MigrationInterface {
  name = 'CreateApiKeys1764420000000';

  async up(runner: QueryRunner): Promise<void> {
    // Only the SHA-256 hash of a key's secret is stored; the key is shown once, at creation.
    await runner.query(`
      CREATE TABLE "identity"."api_key" (
        "id" uuid PRIMARY KEY,
        "name" text NOT NULL,
        "secret_hash" text NOT NULL CONSTRAINT "api_key_secret_hash_check" CHECK ("secret_hash" ~ '^[0-9a-f]{64}$'),
        "event_types" text[] NOT NULL,
        "created_by" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "revoked_at" timestamptz
      )`);
    await runner.query(
      `CREATE INDEX "api_key_created_idx" ON "identity"."api_key" ("created_at" DESC)`,
    );
    for (const statement of createOutboxTableSql('identity')) await runner.query(statement);
    for (const statement of createOutboxNotifySql('identity')) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of dropOutboxNotifySql('identity')) await runner.query(statement);
    for (const statement of dropOutboxTableSql('identity')) await runner.query(statement);
    await runner.query(`DROP TABLE "identity"."api_key"`);
  }
}
