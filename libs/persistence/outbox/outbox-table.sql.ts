/** The outbox table of one service schema; every service's first migration creates it. */
export function createOutboxTableSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}"."outbox" (
      "position" bigserial PRIMARY KEY,
      "id" uuid NOT NULL,
      "type" text NOT NULL,
      "aggregate_id" text NOT NULL,
      "envelope" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "published_at" timestamptz,
      CONSTRAINT "outbox_id_key" UNIQUE ("id")
    )`,
    `CREATE INDEX "outbox_unpublished_idx" ON "${schema}"."outbox" ("position") WHERE "published_at" IS NULL`,
  ];
}

export function dropOutboxTableSql(schema: string): string[] {
  return [`DROP TABLE "${schema}"."outbox"`];
}
