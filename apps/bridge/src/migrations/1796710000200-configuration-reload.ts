import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who reloaded the adapters file, when, and with what result. */
export class ConfigurationReload1796710000200 implements MigrationInterface {
  name = 'ConfigurationReload1796710000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schema}"."configuration_reload" ("id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "reloaded_by" text NOT NULL, "file" text NOT NULL, "file_sha256" text, "outcome" text NOT NULL, "changed_mappings" jsonb NOT NULL, "problems" jsonb NOT NULL, CONSTRAINT "pk_configuration_reload" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_configuration_reload_at" ON "${schema}"."configuration_reload" ("at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_configuration_reload_at"`);
    await queryRunner.query(`DROP TABLE "${schema}"."configuration_reload"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
