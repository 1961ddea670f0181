import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BridgeAdaptersExchangeLog1795434885945 implements MigrationInterface {
  name = 'BridgeAdaptersExchangeLog1795434885945';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."adapter_state" ("adapter_id" text NOT NULL, "paused" boolean NOT NULL DEFAULT false, "paused_reason" text, "paused_by" text, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5b2c32a792150688a1d71776bf9" PRIMARY KEY ("adapter_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."source_cursor" ("source_id" text NOT NULL, "position" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0c5ad4f821b3629d15922815f2c" PRIMARY KEY ("source_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."bridge_dead_letter" ("id" uuid NOT NULL, "adapter_id" text NOT NULL, "direction" text NOT NULL, "kind" text NOT NULL, "reference" text NOT NULL, "application_number" text, "code" text NOT NULL, "field" text, "rule" text, "message" text NOT NULL, "problems" jsonb NOT NULL, "payload" text NOT NULL, "status" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "replayed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a1ca82296b487552cec2bd2bd0e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_bridge_dead_letter_adapter" ON "${schema}"."bridge_dead_letter"  ("adapter_id", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."exchange_log" ("seq" bigint NOT NULL, "id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "direction" text NOT NULL, "adapter_id" text NOT NULL, "kind" text NOT NULL, "application_number" text, "reference" text, "payload_hash" text NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL, "duration_ms" integer NOT NULL, "detail" text, "previous_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_ec05579abe935f6c07fedb749b5" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_exchange_application" ON "${schema}"."exchange_log"  ("application_number") `);
    await queryRunner.query(`CREATE INDEX "ix_exchange_adapter_at" ON "${schema}"."exchange_log"  ("adapter_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."inbound_receipt" ("adapter_id" text NOT NULL, "kind" text NOT NULL, "external_id" text NOT NULL, "part_id" uuid, "event_id" uuid NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b90357141d932c67b7a38c1c807" PRIMARY KEY ("adapter_id", "kind", "external_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_inbound_receipt_part" ON "${schema}"."inbound_receipt"  ("part_id") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."prefill_record" ("id" uuid NOT NULL, "lookup_id" text NOT NULL, "key_kind" text NOT NULL, "key_hash" text NOT NULL, "fields_filled" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "fields_kept" integer, "fields_changed" integer, "fields_typed" integer, "reported_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d36be4657f827cbd7ddaf9538b5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_prefill_created" ON "${schema}"."prefill_record"  ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."webhook_nonce" ("adapter_id" text NOT NULL, "nonce" text NOT NULL, "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5592533ba5d7af0e7600a1f5ccc" PRIMARY KEY ("adapter_id", "nonce"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_webhook_nonce_seen" ON "${schema}"."webhook_nonce"  ("seen_at") `);
    await queryRunner.query(`ALTER TABLE "${schema}"."department_delivery" ADD "adapter_id" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."department_delivery" ADD "next_attempt_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "${schema}"."department_delivery" ADD "last_error" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."department_delivery" ADD "external_reference" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."department_delivery" ADD "sent_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "ix_delivery_adapter_status" ON "${schema}"."department_delivery"  ("adapter_id", "status", "next_attempt_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_delivery_adapter_status"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."department_delivery" DROP COLUMN "sent_at"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."department_delivery" DROP COLUMN "external_reference"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."department_delivery" DROP COLUMN "last_error"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."department_delivery" DROP COLUMN "next_attempt_at"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."department_delivery" DROP COLUMN "adapter_id"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_webhook_nonce_seen"`);
    await queryRunner.query(`DROP TABLE "${schema}"."webhook_nonce"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_prefill_created"`);
    await queryRunner.query(`DROP TABLE "${schema}"."prefill_record"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_inbound_receipt_part"`);
    await queryRunner.query(`DROP TABLE "${schema}"."inbound_receipt"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_exchange_adapter_at"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_exchange_application"`);
    await queryRunner.query(`DROP TABLE "${schema}"."exchange_log"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_bridge_dead_letter_adapter"`);
    await queryRunner.query(`DROP TABLE "${schema}"."bridge_dead_letter"`);
    await queryRunner.query(`DROP TABLE "${schema}"."source_cursor"`);
    await queryRunner.query(`DROP TABLE "${schema}"."adapter_state"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
