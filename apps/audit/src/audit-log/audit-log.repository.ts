import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, type AuditEntryDto, type AuditLogFilter } from '#libs/contracts';
import { rowPage, type RowPage } from '#libs/persistence';

const COLUMNS = `event_id AS "eventId", occurred_at AS "occurredAt", actor, type, service, entity,
  action, object_id AS "objectId", entity_id AS "entityId", correlation_id AS "correlationId"`;

type Row = Omit<AuditEntryDto, 'occurredAt'> & { occurredAt: Date };

@Injectable()
export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores an entry once: the same event delivered again changes nothing. True when new. */
  async record(entry: AuditEntryDto): Promise<boolean> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO audit.entry (event_id, occurred_at, actor, type, service, entity, action,
                                object_id, entity_id, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (event_id) DO NOTHING
       RETURNING event_id`,
      [
        entry.eventId,
        entry.occurredAt,
        entry.actor,
        entry.type,
        entry.service,
        entry.entity,
        entry.action,
        entry.objectId,
        entry.entityId,
        entry.correlationId,
      ],
    );
    return inserted.length > 0;
  }

  /** Newest first, after the keyset (time, event id) of `after`. */
  async list(
    filter: AuditLogFilter,
    first: number,
    after: string | undefined,
  ): Promise<RowPage<Row>> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const where = (condition: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      conditions.push(condition(`$${parameters.length}`));
    };
    if (filter.actor) where((p) => `actor = ${p}`, filter.actor);
    if (filter.objectId) where((p) => `(object_id = ${p} OR entity_id = ${p})`, filter.objectId);
    if (filter.type) where((p) => `type = ${p}`, filter.type);
    if (filter.from) where((p) => `occurred_at >= ${p}::timestamptz`, filter.from);
    if (filter.to) where((p) => `occurred_at < ${p}::timestamptz`, filter.to);
    const filtered = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM audit.entry ${filtered}`,
      parameters,
    );

    const [afterTime, afterId] = after ? (decodeCursor(after) ?? []) : [];
    if (afterTime !== undefined) {
      parameters.push(afterTime, afterId);
      const n = parameters.length;
      conditions.push(`(occurred_at, event_id) < ($${n - 1}::timestamptz, $${n}::uuid)`);
    }
    parameters.push(first + 1);
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM audit.entry
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY occurred_at DESC, event_id DESC
        LIMIT $${parameters.length}`,
      parameters,
    );
    return rowPage(rows, first, total as number);
  }
}
