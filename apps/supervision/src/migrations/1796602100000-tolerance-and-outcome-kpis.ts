import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counts for the refusal, revocation, 容缺, 告知承诺 and 补正 KPIs; `POST /monitoring/rebuild` fills them for past events. */
export class ToleranceAndOutcomeKpis1796602100000 implements MigrationInterface {
  name = 'ToleranceAndOutcomeKpis1796602100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."monitoring_application" ADD "window_notices" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "${schema}"."monitoring_case" ADD "deficiencies" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "${schema}"."monitoring_case" ADD "pledges" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "${schema}"."monitoring_case" ADD "supplement_requests" integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."monitoring_case" DROP COLUMN "supplement_requests"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."monitoring_case" DROP COLUMN "pledges"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."monitoring_case" DROP COLUMN "deficiencies"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."monitoring_application" DROP COLUMN "window_notices"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
