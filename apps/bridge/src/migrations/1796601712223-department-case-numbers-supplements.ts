import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DepartmentCaseNumbersSupplements1796601712223 implements MigrationInterface {
  name = 'DepartmentCaseNumbersSupplements1796601712223';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."department_delivery" ADD "kind" text NOT NULL DEFAULT 'application'`);
    await queryRunner.query(`ALTER TABLE "${schema}"."department_delivery" ADD "department_case_number" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."inbound_receipt" ALTER COLUMN "event_id" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "ix_delivery_case_number" ON "${schema}"."department_delivery"  ("adapter_id", "department_case_number") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_delivery_application_item" ON "${schema}"."department_delivery"  ("application_number", "item_code") `,
    );
    // One accepted part is delivered once; its supplements are further rows (TypeORM does not diff an index's WHERE).
    await queryRunner.query(`DROP INDEX "${schema}"."ux_delivery_part"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_delivery_part" ON "${schema}"."department_delivery"  ("part_id") WHERE kind = 'application'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DELETE FROM "${schema}"."department_delivery" WHERE kind <> 'application'`);
    await queryRunner.query(`DROP INDEX "${schema}"."ux_delivery_part"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_delivery_part" ON "${schema}"."department_delivery"  ("part_id") `);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_delivery_application_item"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_delivery_case_number"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."inbound_receipt" ALTER COLUMN "event_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "${schema}"."department_delivery" DROP COLUMN "department_case_number"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."department_delivery" DROP COLUMN "kind"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
