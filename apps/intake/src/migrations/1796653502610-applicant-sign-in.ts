import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 申请人短信验证码登录: the codes (hashed), and SMS about no application (a sign-in code) in the notification outbox. */
export class ApplicantSignIn1796653502610 implements MigrationInterface {
  name = 'ApplicantSignIn1796653502610';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."applicant_sign_in_code" ("id" uuid NOT NULL, "phone" text NOT NULL, "code_hash" text NOT NULL, "requested_from" text NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a84efc804181a348b9b2fcc4b3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_applicant_sign_in_code_address" ON "${schema}"."applicant_sign_in_code"  ("requested_from", "requested_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_applicant_sign_in_code_phone" ON "${schema}"."applicant_sign_in_code"  ("phone", "requested_at") `,
    );
    await queryRunner.query(`DROP INDEX "${schema}"."ux_notification_application_kind_key"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."notification" ALTER COLUMN "application_id" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_notification_application_kind_key" ON "${schema}"."notification"  ("application_id", "kind", "dedup_key") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."ux_notification_application_kind_key"`);
    await queryRunner.query(`DELETE FROM "${schema}"."notification" WHERE "application_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "${schema}"."notification" ALTER COLUMN "application_id" SET NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_notification_application_kind_key" ON "${schema}"."notification" USING btree ("application_id", "kind", "dedup_key") `,
    );
    await queryRunner.query(`DROP INDEX "${schema}"."ix_applicant_sign_in_code_phone"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_applicant_sign_in_code_address"`);
    await queryRunner.query(`DROP TABLE "${schema}"."applicant_sign_in_code"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
