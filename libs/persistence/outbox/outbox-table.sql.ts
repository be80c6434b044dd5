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

/** Postgres channel on which a committed outbox insert wakes the relays; the payload is the schema. */
export const OUTBOX_CHANNEL = 'convene_outbox';

/** A trigger that notifies OUTBOX_CHANNEL once per inserting statement; delivered on commit only. */
export function createOutboxNotifySql(schema: string): string[] {
  return [
    `CREATE FUNCTION "${schema}"."notify_outbox"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN PERFORM pg_notify('${OUTBOX_CHANNEL}', '${schema}'); RETURN NULL; END $$`,
    `CREATE TRIGGER "outbox_notify" AFTER INSERT ON "${schema}"."outbox"
       FOR EACH STATEMENT EXECUTE FUNCTION "${schema}"."notify_outbox"()`,
  ];
}

export function dropOutboxNotifySql(schema: string): string[] {
  return [
    `DROP TRIGGER "outbox_notify" ON "${schema}"."outbox"`,
    `DROP FUNCTION "${schema}"."notify_outbox"()`,
  ];
}
