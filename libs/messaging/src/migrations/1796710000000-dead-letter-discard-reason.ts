import type { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceSchemaOf as schemaOf } from './service-schema';

/**
 * A dead letter is discarded by someone, at a time, for a reason: kept beside it so the list says
 * why a message was never handled. Letters discarded before this change keep null (not known).
 */
export class DeadLetterDiscardReason1796710000000 implements MigrationInterface {
  name = 'DeadLetterDiscardReason1796710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."dead_letter" ADD "discarded_by" text`);
    await queryRunner.query(`ALTER TABLE "${s}"."dead_letter" ADD "discarded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "${s}"."dead_letter" ADD "discard_reason" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."dead_letter" DROP COLUMN "discard_reason"`);
    await queryRunner.query(`ALTER TABLE "${s}"."dead_letter" DROP COLUMN "discarded_at"`);
    await queryRunner.query(`ALTER TABLE "${s}"."dead_letter" DROP COLUMN "discarded_by"`);
  }
}
