import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartRevocation1796601600000 implements MigrationInterface {
  name = 'PartRevocation1796601600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" ADD "revocation" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}"."application_part" DROP COLUMN "revocation"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
