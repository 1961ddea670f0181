import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The monitoring event log's retention deletes by `recorded_at`: an index, so a purge reads only what it deletes. */
export class MonitoringEventRetention1796800000000 implements MigrationInterface {
  name = 'MonitoringEventRetention1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`CREATE INDEX "ix_monitoring_event_recorded_at" ON "${schema}"."monitoring_event" ("recorded_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_monitoring_event_recorded_at"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
