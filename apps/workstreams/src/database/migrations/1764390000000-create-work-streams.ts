import type { MigrationInterface, QueryRunner } from 'typeorm';
import { WorkStreamStatus } from '#libs/contracts';
import { createOutboxTableSql, dropOutboxTableSql } from '#libs/persistence';

const STATUSES = Object.values(WorkStreamStatus)
  .map((status) => `'${status}'`)
  .join(', ');

export class CreateWorkStreams1764390000000 implements MigrationInterface {
  name = 'CreateWorkStreams1764390000000';

  async up(runner: QueryRunner): Promise<void> {
    // Agency ids point into the agencies service: checked with it on write, no foreign key.
    await runner.query(`
      CREATE TABLE "workstreams"."work_stream" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "number" integer NOT NULL CONSTRAINT "work_stream_number_key" UNIQUE,
        "title" text NOT NULL,
        "mandate" text,
        "status" text NOT NULL DEFAULT 'ACTIVE' CONSTRAINT "work_stream_status_check" CHECK ("status" IN (${STATUSES})),
        "convener_agency_ids" uuid[] NOT NULL,
        "member_agency_ids" uuid[] NOT NULL DEFAULT '{}',
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "work_stream_has_convener" CHECK (cardinality("convener_agency_ids") > 0)
      )`);
    await runner.query(
      `CREATE INDEX "work_stream_agencies_idx" ON "workstreams"."work_stream" USING gin (("convener_agency_ids" || "member_agency_ids"))`,
    );
    for (const statement of createOutboxTableSql('workstreams')) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of dropOutboxTableSql('workstreams')) await runner.query(statement);
    await runner.query(`DROP TABLE "workstreams"."work_stream"`);
  }
}
