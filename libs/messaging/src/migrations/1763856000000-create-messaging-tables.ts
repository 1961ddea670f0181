import type { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceSchemaOf as schemaOf } from './service-schema';

/**
 * The outbox, inbox and dead-letter tables, created in whichever schema the running service
 * owns. Every service lists this migration first; the drift check proves it matches the entities.
 */
export class CreateMessagingTables1763856000000 implements MigrationInterface {
  name = 'CreateMessagingTables1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${s}"."outbox_message" ("id" BIGSERIAL NOT NULL, "event_id" uuid NOT NULL, "topic" text NOT NULL, "message_key" text NOT NULL, "envelope" jsonb NOT NULL, "headers" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_outbox_message_event_id" UNIQUE ("event_id"), CONSTRAINT "pk_outbox_message" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_outbox_message_unpublished" ON "${s}"."outbox_message" ("id") WHERE published_at IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "${s}"."outbox_relay_lease" ("name" text NOT NULL, "holder" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_outbox_relay_lease" PRIMARY KEY ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."processed_event" ("consumer" text NOT NULL, "event_id" text NOT NULL, "topic" text NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_processed_event" PRIMARY KEY ("consumer", "event_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."dead_letter" ("id" uuid NOT NULL, "consumer" text NOT NULL, "reason" text NOT NULL, "detail" text NOT NULL, "original_topic" text NOT NULL, "original_partition" integer NOT NULL, "original_offset" text NOT NULL, "original_key" text, "original_value" text NOT NULL, "original_headers" jsonb NOT NULL, "attempts" integer NOT NULL, "status" text NOT NULL DEFAULT 'open', "replay_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_dead_letter" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_dead_letter_status_created" ON "${s}"."dead_letter" ("status", "created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}"."dead_letter"`);
    await queryRunner.query(`DROP TABLE "${s}"."processed_event"`);
    await queryRunner.query(`DROP TABLE "${s}"."outbox_relay_lease"`);
    await queryRunner.query(`DROP TABLE "${s}"."outbox_message"`);
  }
}
