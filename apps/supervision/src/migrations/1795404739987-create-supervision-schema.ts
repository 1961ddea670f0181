import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSupervisionSchema1795404739987 implements MigrationInterface {
  name = 'CreateSupervisionSchema1795404739987';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."supervision_notice" ("id" uuid NOT NULL, "licence_id" uuid NOT NULL, "licence_number" text NOT NULL, "application_id" uuid NOT NULL, "item_code" text NOT NULL, "item_name" text NOT NULL, "issuing_department_code" text NOT NULL, "department_code" text NOT NULL, "department_name" text NOT NULL, "holder" jsonb NOT NULL, "status" text NOT NULL, "acknowledge_by" TIMESTAMP WITH TIME ZONE NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a66247317784c87bb661e0b8e0c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notice_department_status" ON "${schema}"."supervision_notice"  ("department_code", "status", "acknowledge_by") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_notice_licence_department" ON "${schema}"."supervision_notice"  ("licence_id", "department_code") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."ux_notice_licence_department"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_notice_department_status"`);
    await queryRunner.query(`DROP TABLE "${schema}"."supervision_notice"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
