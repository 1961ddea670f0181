import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The traffic-light watch remembers the day it last looked at a case, so it looks once a day. */
export class ColourCheckedOn1796700000000 implements MigrationInterface {
  name = 'ColourCheckedOn1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "colour_checked_on" date`);
    await queryRunner.query(
      `CREATE INDEX "ix_approval_case_open_colour_check" ON "${schema}"."approval_case" ("colour_checked_on") WHERE status = 'open'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_approval_case_open_colour_check"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "colour_checked_on"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
