import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HandedUpFrom1795415307766 implements MigrationInterface {
  name = 'HandedUpFrom1795415307766';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "handed_up_from" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "handed_up_from"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
