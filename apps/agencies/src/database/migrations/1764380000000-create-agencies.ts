import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AgencyKind } from '#libs/contracts';
import { createOutboxTableSql, dropOutboxTableSql } from '#libs/persistence';

const KINDS = Object.values(AgencyKind)
  .map((kind) => `'${kind}'`)
  .join(', ');

export class CreateAgencies1764380000000 implements MigrationInterface {
  name = 'CreateAgencies1764380000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "agencies"."agency" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "acronym" text NOT NULL,
        "acronym_key" text GENERATED ALWAYS AS (lower("acronym")) STORED,
        "name" text NOT NULL,
        "kind" text NOT NULL CONSTRAINT "agency_kind_check" CHECK ("kind" IN (${KINDS})),
        "headquarters" text NOT NULL,
        "website" text,
        "archived_at" timestamptz,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "agency_acronym_key" UNIQUE ("acronym_key")
      )`);
    await runner.query(`
      CREATE TABLE "agencies"."person" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "agency_id" uuid NOT NULL CONSTRAINT "person_agency_fkey" REFERENCES "agencies"."agency" ("id"),
        "name" text NOT NULL,
        "title" text,
        "division" text,
        "email" text,
        "removed_at" timestamptz,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX "person_agency_idx" ON "agencies"."person" ("agency_id", "name") WHERE "removed_at" IS NULL`,
    );
    for (const statement of createOutboxTableSql('agencies')) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of dropOutboxTableSql('agencies')) await runner.query(statement);
    await runner.query(`DROP TABLE "agencies"."person"`);
    await runner.query(`DROP TABLE "agencies"."agency"`);
  }
}
