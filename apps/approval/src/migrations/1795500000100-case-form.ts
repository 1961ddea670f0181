import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 申请表 and materials of each case, as the accepted event carries them. */
export class CaseForm1795500000100 implements MigrationInterface {
  name = 'CaseForm1795500000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."case_form" ("case_id" uuid NOT NULL, "form" jsonb, "materials" jsonb NOT NULL, CONSTRAINT "PK_bb27c407e00199593db6c7332e4" PRIMARY KEY ("case_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "${schema}"."licence" ADD "holder_address" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."licence" DROP COLUMN "holder_address"`);
    await queryRunner.query(`DROP TABLE "${schema}"."case_form"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
