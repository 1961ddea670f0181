import type { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceSchemaOf as schemaOf } from './service-schema';

/**
 * Dead letters keep the original value as bytes: PostgreSQL refuses NUL in text, so a message
 * holding a 0x00 byte could not be dead-lettered and blocked its partition. Values stored so far
 * (UTF-8 text, or `base64:` when they were not) become their bytes; a readable excerpt, the size and
 * the SHA-256 are kept beside them.
 */
export class DeadLetterBytes1796613000000 implements MigrationInterface {
  name = 'DeadLetterBytes1796613000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."dead_letter" ADD "original_excerpt" text`);
    await queryRunner.query(`UPDATE "${s}"."dead_letter" SET "original_excerpt" = left("original_value", 1024)`);
    await queryRunner.query(
      `ALTER TABLE "${s}"."dead_letter" ALTER COLUMN "original_value" TYPE bytea USING CASE WHEN "original_value" LIKE 'base64:%' THEN decode(substr("original_value", 8), 'base64') ELSE convert_to("original_value", 'UTF8') END`,
    );
    await queryRunner.query(`ALTER TABLE "${s}"."dead_letter" ADD "original_size" integer`);
    await queryRunner.query(`ALTER TABLE "${s}"."dead_letter" ADD "original_sha256" text`);
    await queryRunner.query(
      `UPDATE "${s}"."dead_letter" SET "original_size" = octet_length("original_value"), "original_sha256" = encode(sha256("original_value"), 'hex')`,
    );
    for (const column of ['original_excerpt', 'original_size', 'original_sha256']) {
      await queryRunner.query(`ALTER TABLE "${s}"."dead_letter" ALTER COLUMN "${column}" SET NOT NULL`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "${s}"."dead_letter" ALTER COLUMN "original_value" TYPE text USING 'base64:' || encode("original_value", 'base64')`,
    );
    await queryRunner.query(`ALTER TABLE "${s}"."dead_letter" DROP COLUMN "original_sha256"`);
    await queryRunner.query(`ALTER TABLE "${s}"."dead_letter" DROP COLUMN "original_size"`);
    await queryRunner.query(`ALTER TABLE "${s}"."dead_letter" DROP COLUMN "original_excerpt"`);
  }
}
