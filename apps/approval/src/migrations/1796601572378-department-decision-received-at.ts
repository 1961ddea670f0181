import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DepartmentDecisionReceivedAt1796601572378 implements MigrationInterface {
  name = 'DepartmentDecisionReceivedAt1796601572378';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "decision_received_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "decision_received_at"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
