import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreditEntry1796601900000 implements MigrationInterface {
  name = 'CreditEntry1796601900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."credit_entry" ("record_id" uuid NOT NULL, "holder_identifier" text NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "department_name" text NOT NULL, "document_number" text, "decided_on" date NOT NULL, "valid_until" date, "withdrawn" boolean NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1cef79eece99533cccde1acfd64" PRIMARY KEY ("record_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_credit_entry_holder" ON "${schema}"."credit_entry" ("holder_identifier") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_credit_entry_holder"`);
    await queryRunner.query(`DROP TABLE "${schema}"."credit_entry"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
