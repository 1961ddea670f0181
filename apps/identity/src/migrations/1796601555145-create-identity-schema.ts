import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentitySchema1796601555145 implements MigrationInterface {
  name = 'CreateIdentitySchema1796601555145';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."account_change" ("id" uuid NOT NULL, "account_id" text NOT NULL, "change" text NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', "by_id" text NOT NULL, "by_name" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_cdcefad9fefc422986bdd90628e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_account_change_account" ON "${schema}"."account_change"  ("account_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."account" ("id" text NOT NULL, "username" text NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "department_code" text, "level" text, "id_number" text, "password_hash" text NOT NULL, "must_change_password" boolean NOT NULL DEFAULT false, "password_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL, "failed_attempts" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "last_sign_in_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_account_username" ON "${schema}"."account"  ("username") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."department" ("code" text NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "level" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_62690f4fe31da9eb824d909285f" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."session" ("id" uuid NOT NULL, "account_id" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" text, CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_session_account" ON "${schema}"."session"  ("account_id", "ended_at") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."sign_in_record" ("id" uuid NOT NULL, "event" text NOT NULL, "username" text NOT NULL, "account_id" text, "outcome" text NOT NULL, "session_id" uuid, "remote_address" text, "forwarded_for" text, "user_agent" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8f3a5204411c75490bcb7d8669b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_sign_in_record_username" ON "${schema}"."sign_in_record"  ("username", "at") `);
    await queryRunner.query(`CREATE INDEX "ix_sign_in_record_at" ON "${schema}"."sign_in_record"  ("at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_sign_in_record_at"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_sign_in_record_username"`);
    await queryRunner.query(`DROP TABLE "${schema}"."sign_in_record"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_session_account"`);
    await queryRunner.query(`DROP TABLE "${schema}"."session"`);
    await queryRunner.query(`DROP TABLE "${schema}"."department"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ux_account_username"`);
    await queryRunner.query(`DROP TABLE "${schema}"."account"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_account_change_account"`);
    await queryRunner.query(`DROP TABLE "${schema}"."account_change"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
