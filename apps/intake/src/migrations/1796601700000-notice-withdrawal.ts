import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NoticeWithdrawal1796601700000 implements MigrationInterface {
  name = 'NoticeWithdrawal1796601700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_notice" ADD "withdrawn_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_notice" ADD "withdrawal_reason" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_notice" DROP COLUMN "withdrawal_reason"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_notice" DROP COLUMN "withdrawn_at"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
