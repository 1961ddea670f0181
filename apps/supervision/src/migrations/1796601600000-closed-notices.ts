import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ClosedNotices1796601600000 implements MigrationInterface {
  name = 'ClosedNotices1796601600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."supervision_notice" ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "${schema}"."supervision_notice" ADD "closed_reason" text`);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."revoked_licence" ("licence_id" uuid NOT NULL, "reason" text NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3cb481d0901bb7f7cb529c80f13" PRIMARY KEY ("licence_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."revoked_licence"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."supervision_notice" DROP COLUMN "closed_reason"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."supervision_notice" DROP COLUMN "closed_at"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
