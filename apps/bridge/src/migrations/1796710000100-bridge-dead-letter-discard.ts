import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The bridge's dead letters can be discarded with a reason: who, when and why are kept beside them. */
export class BridgeDeadLetterDiscard1796710000100 implements MigrationInterface {
  name = 'BridgeDeadLetterDiscard1796710000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."bridge_dead_letter" ADD "discarded_by" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."bridge_dead_letter" ADD "discarded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "${schema}"."bridge_dead_letter" ADD "discard_reason" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`UPDATE "${schema}"."bridge_dead_letter" SET "status" = 'resolved' WHERE "status" = 'discarded'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."bridge_dead_letter" DROP COLUMN "discard_reason"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."bridge_dead_letter" DROP COLUMN "discarded_at"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."bridge_dead_letter" DROP COLUMN "discarded_by"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
