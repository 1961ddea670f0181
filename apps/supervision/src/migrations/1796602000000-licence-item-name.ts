import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LicenceItemName1796602000000 implements MigrationInterface {
  name = 'LicenceItemName1796602000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."monitoring_licence" ADD "item_name" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."monitoring_licence" DROP COLUMN "item_name"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
