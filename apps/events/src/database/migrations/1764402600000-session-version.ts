import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions get an optimistic version of their own, so that a calendar's SEQUENCE (training
 * version + session version) rises whenever a session moves, even when the training does not.
 */
export class SessionVersion1764402600000 implements MigrationInterface {
  name = 'SessionVersion1764402600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "events"."session" ADD COLUMN "version" integer NOT NULL DEFAULT 1`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "events"."session" DROP COLUMN "version"`);
  }
}
