import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The holder's address and the licence scope on a notice; form answers by how they were filled, for 自动调取率. */
export class NoticeAddressFormKpi1795500000200 implements MigrationInterface {
  name = 'NoticeAddressFormKpi1795500000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."supervision_notice" ADD "holder_address" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."supervision_notice" ADD "scope" text`);
    await queryRunner.query(`ALTER TABLE "${schema}"."monitoring_case" ADD "form_fields_automatic" integer`);
    await queryRunner.query(`ALTER TABLE "${schema}"."monitoring_case" ADD "form_fields_changed" integer`);
    await queryRunner.query(`ALTER TABLE "${schema}"."monitoring_case" ADD "form_fields_typed" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."monitoring_case" DROP COLUMN "form_fields_typed"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."monitoring_case" DROP COLUMN "form_fields_changed"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."monitoring_case" DROP COLUMN "form_fields_automatic"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."supervision_notice" DROP COLUMN "scope"`);
    await queryRunner.query(`ALTER TABLE "${schema}"."supervision_notice" DROP COLUMN "holder_address"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
