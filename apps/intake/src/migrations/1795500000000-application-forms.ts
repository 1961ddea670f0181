import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 申请表: a form per item version, the form as filed with each application and part, and its corrections. */
export class ApplicationForms1795500000000 implements MigrationInterface {
  name = 'ApplicationForms1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."service_item" ADD "form" jsonb`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ADD "form" jsonb`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" ADD "form" jsonb`);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."form_correction" ("id" uuid NOT NULL, "application_id" uuid NOT NULL, "occasion" text NOT NULL, "changes" jsonb NOT NULL, "corrected_by" text NOT NULL, "corrected_by_name" text NOT NULL, "corrected_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d6ce1aa1ada8d3d20a2fddc01d8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_form_correction_application" ON "${schema}"."form_correction" ("application_id", "corrected_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_form_correction_application"`);
    await queryRunner.query(`DROP TABLE "${schema}"."form_correction"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" DROP COLUMN "form"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" DROP COLUMN "form"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."service_item" DROP COLUMN "form"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
