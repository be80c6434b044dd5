import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ResourceType } from '#libs/contracts';
import { createOutboxTableSql, dropOutboxTableSql } from '#libs/persistence';

const TYPES = Object.values(ResourceType)
  .map((type) => `'${type}'`)
  .join(', ');

export class CreateResources1764410000000 implements MigrationInterface {
  name = 'CreateResources1764410000000';

  async up(runner: QueryRunner): Promise<void> {
    // Agency, work stream, training and session ids point into other services: checked with
    // their owners on write, no foreign keys.
    await runner.query(`
      CREATE TABLE "knowledge"."resource" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "title" text NOT NULL,
        "summary" text,
        "body" text,
        "type" text NOT NULL CHECK ("type" IN (${TYPES})),
        "url" text,
        "language" text NOT NULL,
        "published_on" date,
        "license" text,
        "agency_ids" uuid[] NOT NULL DEFAULT '{}',
        "work_stream_id" uuid,
        "training_ids" uuid[] NOT NULL DEFAULT '{}',
        "session_ids" uuid[] NOT NULL DEFAULT '{}',
        "topics" text[] NOT NULL DEFAULT '{}',
        "sdgs" smallint[] NOT NULL DEFAULT '{}' CHECK ("sdgs" <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]::smallint[]),
        "archived_at" timestamptz,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "search" tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
          setweight(to_tsvector('english', coalesce("summary", '')), 'B') ||
          setweight(to_tsvector('english', coalesce("body", '')), 'C')
        ) STORED
      )`);
    await runner.query(
      `CREATE INDEX "resource_search_idx" ON "knowledge"."resource" USING gin ("search")`,
    );
    for (const column of ['agency_ids', 'training_ids', 'topics', 'sdgs']) {
      await runner.query(
        `CREATE INDEX "resource_${column}_idx" ON "knowledge"."resource" USING gin ("${column}")`,
      );
    }
    await runner.query(
      `CREATE INDEX "resource_work_stream_idx" ON "knowledge"."resource" ("work_stream_id")`,
    );
    await runner.query(
      `CREATE INDEX "resource_published_idx" ON "knowledge"."resource" ("published_on" DESC NULLS LAST, "id")`,
    );
    for (const statement of createOutboxTableSql('knowledge')) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of dropOutboxTableSql('knowledge')) await runner.query(statement);
    await runner.query(`DROP TABLE "knowledge"."resource"`);
  }
}
