import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SeparateDuties1796601800000 implements MigrationInterface {
  name = 'SeparateDuties1796601800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."item_workflow" ADD "separate_duties" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."item_workflow" DROP COLUMN "separate_duties"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
