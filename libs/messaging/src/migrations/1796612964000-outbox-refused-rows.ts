import type { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceSchemaOf as schemaOf } from './service-schema';

/**
 * An outbox row the broker refuses (too large, invalid) is set aside with the reason instead of
 * being retried forever in front of every later event.
 */
export class OutboxRefusedRows1796612964000 implements MigrationInterface {
  name = 'OutboxRefusedRows1796612964000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."outbox_message" ADD "failed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "${s}"."outbox_message" ADD "failure_reason" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."outbox_message" DROP COLUMN "failure_reason"`);
    await queryRunner.query(`ALTER TABLE "${s}"."outbox_message" DROP COLUMN "failed_at"`);
  }
}
