import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadlinesWorkflowCredit1795432339916 implements MigrationInterface {
  name = 'DeadlinesWorkflowCredit1795432339916';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."calendar_year" ("year" integer NOT NULL, "data" jsonb NOT NULL, "loaded_by" text NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4a5f5b39f8e07f51dab5be6fed9" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."case_reminder" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "department_code" text NOT NULL, "assignee_id" text, "colour" text NOT NULL, "message" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_40b83b212926b3cfec107f23929" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_case_reminder_department" ON "${schema}"."case_reminder"  ("department_code", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."clock_entry" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "kind" text NOT NULL, "procedure" text, "start_on" date, "end_on" date, "working_days" integer, "reason" text NOT NULL, "status" text, "recorded_by" jsonb NOT NULL, "reviewed_by" jsonb, "review_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_da81a7d512e585d211dc74b01b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_clock_entry_case" ON "${schema}"."clock_entry"  ("case_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."approver" ("id" text NOT NULL, "name" text NOT NULL, "department_code" text NOT NULL, "stand_in_id" text, "stand_in_name" text, "away" boolean NOT NULL DEFAULT false, "away_reason" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_760049de241c526dbfd1330f6dd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_approver_department" ON "${schema}"."approver"  ("department_code") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."case_step_record" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "step" text NOT NULL, "kind" text NOT NULL, "actor" jsonb NOT NULL, "assignee_id" text, "assignee_name" text, "note" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sequence" BIGSERIAL NOT NULL, CONSTRAINT "PK_8775f7a78a6a5e08ee2fe77c798" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_step_record_case" ON "${schema}"."case_step_record"  ("case_id", "sequence") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."item_workflow" ("item_code" text NOT NULL, "department_code" text NOT NULL, "steps" jsonb NOT NULL, "licence_number_template" text, "licence_validity_years" integer, "updated_by" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bde3828820a20e5d087dfbda72e" PRIMARY KEY ("item_code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."holder_record" ("record_id" uuid NOT NULL, "holder_identifier" text NOT NULL, "holder_name" text NOT NULL, "kind" text NOT NULL, "department_code" text NOT NULL, "department_name" text NOT NULL, "title" text NOT NULL, "document_number" text, "decided_on" date NOT NULL, "valid_until" date, "withdrawn" boolean NOT NULL DEFAULT false, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8dd8e02f4053da366a0d5b4e339" PRIMARY KEY ("record_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_holder_record_identifier" ON "${schema}"."holder_record"  ("holder_identifier", "kind") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."licence_series" ("series" text NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_ecb11c1840e4e599915e7364ba5" PRIMARY KEY ("series"))`,
    );
    // The old per-department-and-year counters are the series of the default scheme {dept}-{yyyy}-{seq:6}.
    await queryRunner.query(
      `INSERT INTO "${schema}"."licence_series" ("series", "last_value") SELECT "department_code" || '-' || "year" || '-#', "last_value" FROM "${schema}"."licence_number_sequence"`,
    );
    await queryRunner.query(`DROP TABLE "${schema}"."licence_number_sequence"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "handling_type" text NOT NULL DEFAULT 'committed'`);
    // Cases opened before the ledger: accepted the day they were opened (China time); the promised
    // days are unknown, so 0 keeps their colour red-only-when-overdue. Their deadline is kept as is.
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "accepted_on" date`);
    await queryRunner.query(`UPDATE "${schema}"."approval_case" SET "accepted_on" = ("opened_at" AT TIME ZONE 'Asia/Shanghai')::date`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ALTER COLUMN "accepted_on" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "promised_working_days" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ALTER COLUMN "promised_working_days" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "colour" text NOT NULL DEFAULT 'green'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "suspended_for" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "suspended_working_days" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "extended_working_days" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "green_channel" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "green_channel_reason" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "target_working_days" integer`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "current_step" text NOT NULL DEFAULT 'approve'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "assignee_id" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "assignee_name" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "bundle_code" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "bundle_name" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "lead_department_code" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "deficiencies" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "credit_override" jsonb`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "department_result_id" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."licence" ADD "item_name" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "${schema}"."licence" ADD "department_name" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "${schema}"."licence" ADD "status" text NOT NULL DEFAULT 'valid'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."licence" ADD "revoked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "${schema}"."licence" ADD "revocation_reason" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."licence" ADD "revoked_by" jsonb`);
    await queryRunner.query(`ALTER TABLE "${schema}"."licence" ADD "revocation_request_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_approval_case_application" ON "${schema}"."approval_case"  ("application_id") `);
    await queryRunner.query(`CREATE INDEX "ix_licence_holder" ON "${schema}"."licence"  ("department_code", "status") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_licence_holder"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_approval_case_application"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."licence" DROP COLUMN "revocation_request_id"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."licence" DROP COLUMN "revoked_by"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."licence" DROP COLUMN "revocation_reason"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."licence" DROP COLUMN "revoked_at"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."licence" DROP COLUMN "status"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."licence" DROP COLUMN "department_name"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."licence" DROP COLUMN "item_name"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "department_result_id"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "credit_override"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "deficiencies"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "lead_department_code"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "bundle_name"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "bundle_code"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "assignee_name"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "assignee_id"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "current_step"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "target_working_days"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "green_channel_reason"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "green_channel"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "extended_working_days"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "suspended_working_days"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "suspended_for"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "colour"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "promised_working_days"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "accepted_on"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "handling_type"`);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."licence_number_sequence" ("department_code" text NOT NULL, "year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_ba94409cced0fc403f8eba93c5b" PRIMARY KEY ("department_code", "year"))`,
    );
    await queryRunner.query(
      `INSERT INTO "${schema}"."licence_number_sequence" SELECT substring("series" from '^(.*)-[0-9]{4}-#$'), substring("series" from '-([0-9]{4})-#$')::int, "last_value" FROM "${schema}"."licence_series" WHERE "series" ~ '^.*-[0-9]{4}-#$'`,
    );
    await queryRunner.query(`DROP TABLE "${schema}"."licence_series"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_holder_record_identifier"`);
    await queryRunner.query(`DROP TABLE "${schema}"."holder_record"`);
    await queryRunner.query(`DROP TABLE "${schema}"."item_workflow"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_case_step_record_case"`);
    await queryRunner.query(`DROP TABLE "${schema}"."case_step_record"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_approver_department"`);
    await queryRunner.query(`DROP TABLE "${schema}"."approver"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_clock_entry_case"`);
    await queryRunner.query(`DROP TABLE "${schema}"."clock_entry"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_case_reminder_department"`);
    await queryRunner.query(`DROP TABLE "${schema}"."case_reminder"`);
    await queryRunner.query(`DROP TABLE "${schema}"."calendar_year"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
