import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NoticesRecordsPledgesMonitoring1795435341434 implements MigrationInterface {
  name = 'NoticesRecordsPledgesMonitoring1795435341434';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."monitoring_event" ("seq" BIGSERIAL NOT NULL, "event_id" text NOT NULL, "topic" text NOT NULL, "envelope" jsonb NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_080ae79b8d5ba6199e834ab1e41" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_monitoring_event_id" ON "${schema}"."monitoring_event"  ("event_id") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."monitoring_application" ("application_id" uuid NOT NULL, "application_number" text, "channel" text, "level" text, "received_at" TIMESTAMP WITH TIME ZONE, "accepted_at" TIMESTAMP WITH TIME ZONE, "issued_at" TIMESTAMP WITH TIME ZONE, "visits" integer, CONSTRAINT "PK_93fc2c84f3c62ac8f69e059fd00" PRIMARY KEY ("application_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."monitoring_case" ("part_id" uuid NOT NULL, "application_id" uuid NOT NULL, "case_id" uuid, "department_code" text NOT NULL, "department_name" text NOT NULL, "item_code" text, "item_name" text, "committed_working_days" integer, "legal_working_days" integer, "accepted_at" TIMESTAMP WITH TIME ZONE, "deadline" date, "status" text NOT NULL DEFAULT 'open', "decided_at" TIMESTAMP WITH TIME ZONE, "on_time" boolean, CONSTRAINT "PK_9fb04fae9a9dd1adc9bc177063c" PRIMARY KEY ("part_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_monitoring_case_department" ON "${schema}"."monitoring_case"  ("department_code", "status") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_monitoring_case_case" ON "${schema}"."monitoring_case"  ("case_id") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."monitoring_case_clock" ("case_id" uuid NOT NULL, "colour" text, "colour_changed_at" TIMESTAMP WITH TIME ZONE, "deadline" date, "suspended" boolean, "deadline_changed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_79621bb3cede8cb19be1fd27aa1" PRIMARY KEY ("case_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."monitoring_rating" ("rating_id" uuid NOT NULL, "application_id" uuid NOT NULL, "department_code" text NOT NULL, "rating" integer NOT NULL, "rated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "follow_up" boolean NOT NULL, "rectification_id" uuid, CONSTRAINT "PK_010a3d9fdd3e7d79f5deba903cc" PRIMARY KEY ("rating_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_monitoring_rating_rectification" ON "${schema}"."monitoring_rating"  ("rectification_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."monitoring_rectification" ("rectification_id" uuid NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9516d8dda7fcc5c4008401a78a4" PRIMARY KEY ("rectification_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."monitoring_licence" ("licence_id" uuid NOT NULL, "application_id" uuid NOT NULL, "item_code" text, "issued_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_61d72fed1e6383f0ce1bc900f7b" PRIMARY KEY ("licence_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."monitoring_notice" ("notice_id" uuid NOT NULL, "licence_id" uuid NOT NULL, "application_id" uuid NOT NULL, "department_code" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_on_time" boolean, "escalated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_aacda01084ae79a6e3c9717d594" PRIMARY KEY ("notice_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."pledge_verification" ("id" uuid NOT NULL, "licence_id" uuid NOT NULL, "licence_number" text NOT NULL, "application_id" uuid NOT NULL, "item_code" text NOT NULL, "item_name" text NOT NULL, "issuing_department_code" text NOT NULL, "department_code" text NOT NULL, "department_name" text NOT NULL, "holder" jsonb NOT NULL, "pledges" jsonb NOT NULL, "status" text NOT NULL, "due_on" date NOT NULL, "finding" text, "verified_at" TIMESTAMP WITH TIME ZONE, "verified_by" jsonb, "revocation_request_id" uuid, "record_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9477d373c04e3c7c0fd32a3509e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_verification_department_status" ON "${schema}"."pledge_verification"  ("department_code", "status", "due_on") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_verification_licence" ON "${schema}"."pledge_verification"  ("licence_id") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."supervision_record" ("id" uuid NOT NULL, "kind" text NOT NULL, "holder_identifier" text NOT NULL, "holder" jsonb NOT NULL, "department_code" text NOT NULL, "department_name" text NOT NULL, "title" text NOT NULL, "document_number" text, "details" text, "decided_on" date NOT NULL, "valid_until" date, "withdrawn" boolean NOT NULL, "withdrawal_reason" text, "source" text NOT NULL, "published_by" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3bf1e1eeb4ae4a1a23cb12475b0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_record_holder" ON "${schema}"."supervision_record"  ("holder_identifier", "decided_on") `);
    await queryRunner.query(`ALTER TABLE "${schema}"."supervision_notice" ADD "escalated_at" TIMESTAMP WITH TIME ZONE`);
    // Notices kept before this migration take their own creation time as the licence's.
    await queryRunner.query(`ALTER TABLE "${schema}"."supervision_notice" ADD "licence_issued_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "${schema}"."supervision_notice" SET "licence_issued_at" = "created_at"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."supervision_notice" ALTER COLUMN "licence_issued_at" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "${schema}"."supervision_notice" ALTER COLUMN "created_at" DROP DEFAULT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."supervision_notice" ALTER COLUMN "created_at" SET DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "${schema}"."supervision_notice" DROP COLUMN "licence_issued_at"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."supervision_notice" DROP COLUMN "escalated_at"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_record_holder"`);
    await queryRunner.query(`DROP TABLE "${schema}"."supervision_record"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ux_verification_licence"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_verification_department_status"`);
    await queryRunner.query(`DROP TABLE "${schema}"."pledge_verification"`);
    await queryRunner.query(`DROP TABLE "${schema}"."monitoring_notice"`);
    await queryRunner.query(`DROP TABLE "${schema}"."monitoring_licence"`);
    await queryRunner.query(`DROP TABLE "${schema}"."monitoring_rectification"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ux_monitoring_rating_rectification"`);
    await queryRunner.query(`DROP TABLE "${schema}"."monitoring_rating"`);
    await queryRunner.query(`DROP TABLE "${schema}"."monitoring_case_clock"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ux_monitoring_case_case"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_monitoring_case_department"`);
    await queryRunner.query(`DROP TABLE "${schema}"."monitoring_case"`);
    await queryRunner.query(`DROP TABLE "${schema}"."monitoring_application"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ux_monitoring_event_id"`);
    await queryRunner.query(`DROP TABLE "${schema}"."monitoring_event"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
