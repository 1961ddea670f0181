import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DecisionDocuments1796602200000 implements MigrationInterface {
  name = 'DecisionDocuments1796602200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" ADD "decision_number" text`);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."decision_number_series" ("series" text NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_94f6f16f5d1329daca4f62cf7db" PRIMARY KEY ("series"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "${schema}"."department_legal_profile" ("department_code" text NOT NULL, "authority_name" text NOT NULL, "document_prefix" text NOT NULL, "review_authority" text NOT NULL, "court" text NOT NULL, "address" text, "phone" text, "updated_by" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0e887548b0700a94871c9f80e5e" PRIMARY KEY ("department_code"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."department_legal_profile"`);
    await queryRunner.query(`DROP TABLE "${schema}"."decision_number_series"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."approval_case" DROP COLUMN "decision_number"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
