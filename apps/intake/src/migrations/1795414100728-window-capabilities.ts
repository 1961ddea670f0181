import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WindowCapabilities1795414100728 implements MigrationInterface {
  name = 'WindowCapabilities1795414100728';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_application_status_accepted"`);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."calendar_year" ("year" integer NOT NULL, "data" jsonb NOT NULL, "loaded_by" text NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4a5f5b39f8e07f51dab5be6fed9" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."notification" ("id" uuid NOT NULL, "application_id" uuid NOT NULL, "kind" text NOT NULL, "dedup_key" text NOT NULL, "phone" text NOT NULL, "text" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_notification_application_kind_key" ON "${schema}"."notification"  ("application_id", "kind", "dedup_key") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_notification_application" ON "${schema}"."notification"  ("application_id") `);
    await queryRunner.query(`CREATE INDEX "ix_notification_pending" ON "${schema}"."notification"  ("status", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."service_bundle" ("id" uuid NOT NULL, "code" text NOT NULL, "version" integer NOT NULL, "current" boolean NOT NULL DEFAULT true, "name" text NOT NULL, "description" text NOT NULL, "lead_department_code" text NOT NULL, "lead_department_name" text NOT NULL, "item_codes" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b3ca40f4c3b6f00ee13dccea26" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_service_bundle_code_version" ON "${schema}"."service_bundle"  ("code", "version") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."application_notice" ("id" uuid NOT NULL, "application_id" uuid NOT NULL, "number" text NOT NULL, "lines" jsonb NOT NULL, "issued_by" text NOT NULL, "issued_by_name" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_712db47df8f9d1b3815ff62a4a6" UNIQUE ("number"), CONSTRAINT "PK_834c2be9d400cff9f8197f32825" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_application_notice_application" ON "${schema}"."application_notice"  ("application_id", "issued_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."rating" ("id" uuid NOT NULL, "application_id" uuid NOT NULL, "department_code" text NOT NULL, "department_name" text NOT NULL, "level" integer NOT NULL, "comment" text, "follow_up_of" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ecda8ad32645327e4765b43649e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_rating_application" ON "${schema}"."rating"  ("application_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."rectification" ("id" uuid NOT NULL, "application_id" uuid NOT NULL, "application_number" text NOT NULL, "rating_id" uuid NOT NULL, "department_code" text NOT NULL, "department_name" text NOT NULL, "level" integer NOT NULL, "complaint" text, "due_date" date NOT NULL, "status" text NOT NULL DEFAULT 'open', "answer" text, "answered_by" text, "answered_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_78c58d93e5256bffc7f92bfc9b4" UNIQUE ("rating_id"), CONSTRAINT "PK_490098febcd6556a2ad09c7f368" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_rectification_department_status" ON "${schema}"."rectification"  ("department_code", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."appointment" ("id" uuid NOT NULL, "number" text NOT NULL, "day" date NOT NULL, "slot" text NOT NULL, "item_code" text NOT NULL, "item_name" text NOT NULL, "applicant_name" text NOT NULL, "phone" text NOT NULL, "status" text NOT NULL DEFAULT 'booked', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_deaca11c5225e204dcaca17dd7d" UNIQUE ("number"), CONSTRAINT "PK_e8be1a53027415e709ce8a2db74" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_appointment_phone_day_slot" ON "${schema}"."appointment"  ("phone", "day", "slot") WHERE status = 'booked'`,
    );
    await queryRunner.query(`CREATE INDEX "ix_appointment_day_slot" ON "${schema}"."appointment"  ("day", "slot") `);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ADD "agent" jsonb`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ADD "bundle" jsonb`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ADD "situations" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ADD "visits" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ADD "contact_phone" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ADD "received_via" text NOT NULL DEFAULT 'window'`);
    // Reviewed: applications accepted before this migration were received when they were accepted.
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ADD "received_by" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ADD "received_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "${schema}"."application" SET "received_by" = "accepted_by", "received_at" = "accepted_at"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ALTER COLUMN "received_by" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ALTER COLUMN "received_at" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ADD "payment" jsonb`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ADD "issuance" jsonb`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" ADD "fee_fen" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" ADD "committed_working_days" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" ADD "hand_off" jsonb`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" ADD "received" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" ADD "deficiencies" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" ADD "pledges" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."service_item" ADD "conditions" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."service_item" ADD "legal_basis" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."service_item" ADD "fee" jsonb NOT NULL DEFAULT '{"charged": false}'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."service_item" ADD "channels" jsonb NOT NULL DEFAULT '["window"]'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."service_item" ADD "levels" jsonb NOT NULL DEFAULT '["district"]'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."service_item" ADD "entrusted_to_window" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "${schema}"."service_item" ADD "questions" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ALTER COLUMN "accepted_by" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ALTER COLUMN "accepted_at" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" ALTER COLUMN "promised_deadline" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_application_status_received" ON "${schema}"."application"  ("status", "received_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_application_status_received"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" ALTER COLUMN "promised_deadline" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ALTER COLUMN "accepted_at" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" ALTER COLUMN "accepted_by" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "${schema}"."service_item" DROP COLUMN "questions"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."service_item" DROP COLUMN "entrusted_to_window"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."service_item" DROP COLUMN "levels"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."service_item" DROP COLUMN "channels"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."service_item" DROP COLUMN "fee"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."service_item" DROP COLUMN "legal_basis"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."service_item" DROP COLUMN "conditions"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" DROP COLUMN "pledges"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" DROP COLUMN "deficiencies"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" DROP COLUMN "received"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" DROP COLUMN "hand_off"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" DROP COLUMN "committed_working_days"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" DROP COLUMN "fee_fen"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" DROP COLUMN "issuance"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" DROP COLUMN "payment"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" DROP COLUMN "received_at"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" DROP COLUMN "received_by"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" DROP COLUMN "received_via"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" DROP COLUMN "contact_phone"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" DROP COLUMN "visits"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" DROP COLUMN "situations"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" DROP COLUMN "bundle"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."application" DROP COLUMN "agent"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_appointment_day_slot"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ux_appointment_phone_day_slot"`);
    await queryRunner.query(`DROP TABLE "${schema}"."appointment"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_rectification_department_status"`);
    await queryRunner.query(`DROP TABLE "${schema}"."rectification"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_rating_application"`);
    await queryRunner.query(`DROP TABLE "${schema}"."rating"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_application_notice_application"`);
    await queryRunner.query(`DROP TABLE "${schema}"."application_notice"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ux_service_bundle_code_version"`);
    await queryRunner.query(`DROP TABLE "${schema}"."service_bundle"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_notification_pending"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_notification_application"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ux_notification_application_kind_key"`);
    await queryRunner.query(`DROP TABLE "${schema}"."notification"`);
    await queryRunner.query(`DROP TABLE "${schema}"."calendar_year"`);
    await queryRunner.query(
      `CREATE INDEX "ix_application_status_accepted" ON "${schema}"."application" USING btree ("status", "accepted_at") `,
    );
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
