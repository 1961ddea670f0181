import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartDocuments1796602300000 implements MigrationInterface {
  name = 'PartDocuments1796602300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" ADD "case_id" uuid`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" ADD "decision_number" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" ADD "licence_id" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" DROP COLUMN "licence_id"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" DROP COLUMN "decision_number"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" DROP COLUMN "case_id"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
