import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBridgeSchema1795404740044 implements MigrationInterface {
  name = 'CreateBridgeSchema1795404740044';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."department_delivery" ("id" uuid NOT NULL, "application_id" uuid NOT NULL, "application_number" text NOT NULL, "part_id" uuid NOT NULL, "department_code" text NOT NULL, "item_code" text NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_831f19940b25a3fe3bf7813f8d5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_delivery_department_status" ON "${schema}"."department_delivery"  ("department_code", "status") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_delivery_part" ON "${schema}"."department_delivery"  ("part_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."ux_delivery_part"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_delivery_department_status"`);
    await queryRunner.query(`DROP TABLE "${schema}"."department_delivery"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
