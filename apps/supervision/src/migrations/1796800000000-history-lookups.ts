import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Look-ups that must not read the history: the monitoring event log's retention deletes by
 * `recorded_at`, and the 督办 watch looks for pending notices past their deadline in every department
 * (the department index cannot serve it: it read the whole notice table every minute).
 */
export class HistoryLookups1796800000000 implements MigrationInterface {
  name = 'HistoryLookups1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`CREATE INDEX "ix_monitoring_event_recorded_at" ON "${schema}"."monitoring_event" ("recorded_at")`);
    await queryRunner.query(
      `CREATE INDEX "ix_notice_pending_acknowledge_by" ON "${schema}"."supervision_notice" ("acknowledge_by") WHERE status = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_notice_pending_acknowledge_by"`);
    await queryRunner.query(`DROP INDEX "${schema}"."ix_monitoring_event_recorded_at"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema: string }).schema;
}
