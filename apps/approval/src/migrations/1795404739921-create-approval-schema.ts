import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApprovalSchema1795404739921 implements MigrationInterface {
  name = 'CreateApprovalSchema1795404739921';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."application_progress" ("application_id" uuid NOT NULL, "total_parts" integer NOT NULL, "decided_parts" integer NOT NULL DEFAULT '0', "approved_parts" integer NOT NULL DEFAULT '0', "announced_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_58dcc89028a5533dc38aa39c8ed" PRIMARY KEY ("application_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."approval_case" ("id" uuid NOT NULL, "application_id" uuid NOT NULL, "part_id" uuid NOT NULL, "application_number" text NOT NULL, "item_code" text NOT NULL, "item_name" text NOT NULL, "department_code" text NOT NULL, "department_name" text NOT NULL, "applicant" jsonb NOT NULL, "status" text NOT NULL, "deadline" date NOT NULL, "supervising_departments" jsonb NOT NULL, "pledges" jsonb NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" jsonb, "reason" text, "legal_basis" text, "licence_id" uuid, "revision" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2965aa565819ebfedde2d76bb1b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_approval_case_part" ON "${schema}"."approval_case"  ("part_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_approval_case_department_status" ON "${schema}"."approval_case"  ("department_code", "status", "deadline") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."licence" ("id" uuid NOT NULL, "number" text NOT NULL, "case_id" uuid NOT NULL, "application_id" uuid NOT NULL, "item_code" text NOT NULL, "department_code" text NOT NULL, "holder" jsonb NOT NULL, "valid_from" date NOT NULL, "valid_until" date, "scope" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3b4f2cda4a38b8026e4c700844c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_licence_number" ON "${schema}"."licence"  ("number") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."licence_number_sequence" ("department_code" text NOT NULL, "year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_ba94409cced0fc403f8eba93c5b" PRIMARY KEY ("department_code", "year"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."licence_number_sequence"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ux_licence_number"`);
    await queryRunner.query(`DROP TABLE "${schema}"."licence"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_approval_case_department_status"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ux_approval_case_part"`);
    await queryRunner.query(`DROP TABLE "${schema}"."approval_case"`);
    await queryRunner.query(`DROP TABLE "${schema}"."application_progress"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
