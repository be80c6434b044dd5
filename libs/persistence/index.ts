export * from './data-source.js';
export * from './migrate.js';
export * from './outbox/outbox-event.entity.js';
export * from './outbox/outbox-table.sql.js';
export * from './outbox/outbox-writer.js';
export * from './pg-errors.js';
export * from './changes.js';
export * from './batches.js';
