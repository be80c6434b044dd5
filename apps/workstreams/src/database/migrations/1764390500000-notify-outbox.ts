import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxNotifySql, dropOutboxNotifySql } from '#libs/persistence';

/** Wakes the outbox relay as soon as an event commits, instead of at its next poll. */
export class NotifyOutbox1764390500000 implements MigrationInterface {
  name = 'NotifyOutbox1764390500000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of createOutboxNotifySql('workstreams')) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of dropOutboxNotifySql('workstreams')) await runner.query(statement);
  }
}
