import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIntakeSchema1795404739838 implements MigrationInterface {
  name = 'CreateIntakeSchema1795404739838';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."service_item" ("id" uuid NOT NULL, "code" text NOT NULL, "version" integer NOT NULL, "current" boolean NOT NULL DEFAULT true, "name" text NOT NULL, "department_code" text NOT NULL, "department_name" text NOT NULL, "kind" text NOT NULL, "handling_type" text NOT NULL, "legal_working_days" integer NOT NULL, "committed_working_days" integer NOT NULL, "supervising_departments" jsonb NOT NULL, "materials" jsonb NOT NULL, "handled_in_department_system" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4b061659545d9cc5d7c1f4805fc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_service_item_code_version" ON "${schema}"."service_item"  ("code", "version") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."application_number_sequence" ("day" date NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_bc58f027be182aee44b536416a0" PRIMARY KEY ("day"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."application" ("id" uuid NOT NULL, "number" text NOT NULL, "status" text NOT NULL, "outcome" text, "channel" text NOT NULL, "level" text NOT NULL, "applicant" jsonb NOT NULL, "accepted_by" text NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "revision" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e001c5c9c0e2e427333469327bd" UNIQUE ("number"), CONSTRAINT "PK_569e0c3e863ebdf5f2408ee1670" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_application_status_accepted" ON "${schema}"."application"  ("status", "accepted_at") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."application_part" ("id" uuid NOT NULL, "application_id" uuid NOT NULL, "item_code" text NOT NULL, "item_version" integer NOT NULL, "item_name" text NOT NULL, "department_code" text NOT NULL, "department_name" text NOT NULL, "promised_deadline" date NOT NULL, "status" text NOT NULL DEFAULT 'pending', "licence_number" text, "decision_reason" text, CONSTRAINT "PK_9fe4e5ec97baf31daf389f7ee76" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_application_part_application" ON "${schema}"."application_part"  ("application_id") `);
    await queryRunner.query(
      `ALTER TABLE "${schema}"."application_part" ADD CONSTRAINT "FK_679c6991ff5828f780f91cabe72" FOREIGN KEY ("application_id") REFERENCES "${schema}"."application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" DROP CONSTRAINT "FK_679c6991ff5828f780f91cabe72"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_application_part_application"`);
    await queryRunner.query(`DROP TABLE "${schema}"."application_part"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_application_status_accepted"`);
    await queryRunner.query(`DROP TABLE "${schema}"."application"`);
    await queryRunner.query(`DROP TABLE "${schema}"."application_number_sequence"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ux_service_item_code_version"`);
    await queryRunner.query(`DROP TABLE "${schema}"."service_item"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
