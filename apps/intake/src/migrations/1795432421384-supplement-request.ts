import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SupplementRequest1795432421384 implements MigrationInterface {
  name = 'SupplementRequest1795432421384';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" ADD "supplement_request" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" DROP COLUMN "supplement_request"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
