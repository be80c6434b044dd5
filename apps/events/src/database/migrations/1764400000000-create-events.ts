import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  AssignmentRole,
  ParticipantKind,
  TrainingFormat,
  TrainingKind,
  TrainingStatus,
} from '#libs/contracts';
import { createOutboxTableSql, dropOutboxTableSql } from '#libs/persistence';

const oneOf = (values: Record<string, string>) =>
  Object.values(values)
    .map((value) => `'${value}'`)
    .join(', ');

export class CreateEvents1764400000000 implements MigrationInterface {
  name = 'CreateEvents1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    // work_stream_id, agency_id and person_id point into other services: checked with
    // their owners on write, no foreign keys.
    await runner.query(`
      CREATE TABLE "events"."series" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "work_stream_id" uuid NOT NULL,
        "title" text NOT NULL,
        "description" text,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE "events"."training" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "work_stream_id" uuid NOT NULL,
        "series_id" uuid CONSTRAINT "training_series_fkey" REFERENCES "events"."series" ("id"),
        "follows_id" uuid CONSTRAINT "training_follows_fkey" REFERENCES "events"."training" ("id"),
        "title" text NOT NULL,
        "description" text,
        "kind" text NOT NULL CHECK ("kind" IN (${oneOf(TrainingKind)})),
        "format" text NOT NULL CHECK ("format" IN (${oneOf(TrainingFormat)})),
        "status" text NOT NULL DEFAULT 'DRAFT' CHECK ("status" IN (${oneOf(TrainingStatus)})),
        "topics" text[] NOT NULL DEFAULT '{}',
        "sdgs" smallint[] NOT NULL DEFAULT '{}' CHECK ("sdgs" <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]::smallint[]),
        "target_audience" text,
        "capacity" integer CHECK ("capacity" > 0),
        "venue" text,
        "online_url" text,
        "starts_at" timestamptz,
        "ends_at" timestamptz,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "training_follows_other" CHECK ("follows_id" <> "id")
      )`);
    await runner.query(
      `CREATE INDEX "training_order_idx" ON "events"."training" ((coalesce("starts_at", 'infinity')), "id")`,
    );
    await runner.query(
      `CREATE INDEX "training_work_stream_idx" ON "events"."training" ("work_stream_id")`,
    );
    await runner.query(`CREATE INDEX "training_series_idx" ON "events"."training" ("series_id")`);
    await runner.query(`CREATE INDEX "training_follows_idx" ON "events"."training" ("follows_id")`);
    await runner.query(
      `CREATE INDEX "training_topics_idx" ON "events"."training" USING gin ("topics")`,
    );
    await runner.query(
      `CREATE INDEX "training_sdgs_idx" ON "events"."training" USING gin ("sdgs")`,
    );
    await runner.query(`
      CREATE TABLE "events"."session" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "training_id" uuid NOT NULL REFERENCES "events"."training" ("id"),
        "title" text,
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL,
        "time_zone" text NOT NULL,
        CONSTRAINT "session_ends_after_start" CHECK ("ends_at" > "starts_at")
      )`);
    await runner.query(
      `CREATE INDEX "session_training_idx" ON "events"."session" ("training_id", "starts_at")`,
    );
    await runner.query(`
      CREATE TABLE "events"."assignment" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "training_id" uuid NOT NULL REFERENCES "events"."training" ("id"),
        "agency_id" uuid NOT NULL,
        "person_id" uuid,
        "role" text NOT NULL CHECK ("role" IN (${oneOf(AssignmentRole)})),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "assignment_once" UNIQUE NULLS NOT DISTINCT ("training_id", "agency_id", "person_id", "role")
      )`);
    await runner.query(
      `CREATE INDEX "assignment_agency_idx" ON "events"."assignment" ("agency_id", "role")`,
    );
    await runner.query(`
      CREATE TABLE "events"."registration" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "training_id" uuid NOT NULL REFERENCES "events"."training" ("id"),
        "name" text NOT NULL,
        "organization" text NOT NULL,
        "country" char(2) NOT NULL,
        "kind" text NOT NULL CHECK ("kind" IN (${oneOf(ParticipantKind)})),
        "email" text,
        "participant_key" text GENERATED ALWAYS AS (lower(coalesce("email", "name" || '|' || "organization"))) STORED,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "registration_once" UNIQUE ("training_id", "participant_key")
      )`);
    await runner.query(
      `CREATE INDEX "registration_page_idx" ON "events"."registration" ("training_id", "created_at", "id")`,
    );
    await runner.query(
      `CREATE INDEX "registration_country_idx" ON "events"."registration" ("country", "training_id")`,
    );
    await runner.query(`
      CREATE TABLE "events"."attendance" (
        "registration_id" uuid NOT NULL REFERENCES "events"."registration" ("id"),
        "session_id" uuid NOT NULL REFERENCES "events"."session" ("id") ON DELETE CASCADE,
        PRIMARY KEY ("registration_id", "session_id")
      )`);
    await runner.query(`
      CREATE TABLE "events"."feedback" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "training_id" uuid NOT NULL REFERENCES "events"."training" ("id"),
        "registration_id" uuid REFERENCES "events"."registration" ("id"),
        "rating" smallint NOT NULL CHECK ("rating" BETWEEN 1 AND 5),
        "comment" text,
        "suggested_topics" text[] NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX "feedback_training_idx" ON "events"."feedback" ("training_id")`,
    );
    for (const statement of createOutboxTableSql('events')) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of dropOutboxTableSql('events')) await runner.query(statement);
    for (const table of [
      'feedback',
      'attendance',
      'registration',
      'assignment',
      'session',
      'training',
      'series',
    ]) {
      await runner.query(`DROP TABLE "events"."${table}"`);
    }
  }
}
