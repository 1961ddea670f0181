import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const testDatabaseUrl = () => process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
import { Column, Entity, PrimaryColumn, type DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  createServiceDataSource,
  EMBEDDED_POOL_SIZE,
  findSchemaDrift,
  generateMigrationSource,
  migrateDatabase,
  revertLastMigration,
  startEmbeddedPostgres,
} from './index';

@Entity({ name: 'parcel' })
class Parcel {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_parcel' })
  code!: string;

  @Column({ type: 'int' })
  weight!: number;
}

@Entity({ name: 'parcel' })
class ParcelWithLabel {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_parcel' })
  code!: string;

  @Column({ type: 'int' })
  weight!: number;

  @Column({ type: 'text' })
  label!: string;
}

class CreateParcel1700000000000 implements MigrationInterface {
  name = 'CreateParcel1700000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema: string }).schema;
    await queryRunner.query(
      `CREATE TABLE "${schema}"."parcel" ("code" text NOT NULL, "weight" integer NOT NULL, CONSTRAINT "pk_parcel" PRIMARY KEY ("code"))`,
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema: string }).schema;
    await queryRunner.query(`DROP TABLE "${schema}"."parcel"`);
  }
}

function schemaName(): string {
  return `t_persist_${randomBytes(4).toString('hex')}`;
}

async function dropSchema(dataSource: DataSource, schema: string): Promise<void> {
  await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await dataSource.destroy();
}

describe('service data sources on PostgreSQL', () => {
  it('creates the schema and runs the migrations once', async () => {
    const schema = schemaName();
    const dataSource = createServiceDataSource({
      url: testDatabaseUrl(),
      schema,
      entities: [Parcel],
      migrations: [CreateParcel1700000000000],
    });
    await dataSource.initialize();
    try {
      expect(await migrateDatabase(dataSource)).toEqual(['CreateParcel1700000000000']);
      expect(await migrateDatabase(dataSource)).toEqual([]);
      await dataSource.getRepository(Parcel).insert({ code: 'EMS1', weight: 3 });
      expect(await dataSource.getRepository(Parcel).count()).toBe(1);
      await revertLastMigration(dataSource);
      const tables = await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'parcel'`,
        [schema],
      );
      expect(tables).toEqual([]);
    } finally {
      await dropSchema(dataSource, schema);
    }
  });

  it('finds no drift when entities and migrations agree', async () => {
    const schema = schemaName();
    const dataSource = createServiceDataSource({
      url: testDatabaseUrl(),
      schema,
      entities: [Parcel],
      migrations: [CreateParcel1700000000000],
    });
    await dataSource.initialize();
    try {
      await migrateDatabase(dataSource);
      expect(await findSchemaDrift(dataSource)).toEqual([]);
    } finally {
      await dropSchema(dataSource, schema);
    }
  });

  it('reports the drift, naming the column, when an entity gained a field without a migration', async () => {
    const schema = schemaName();
    const dataSource = createServiceDataSource({
      url: testDatabaseUrl(),
      schema,
      entities: [ParcelWithLabel],
      migrations: [CreateParcel1700000000000],
    });
    await dataSource.initialize();
    try {
      await migrateDatabase(dataSource);
      const drift = await findSchemaDrift(dataSource);
      expect(drift).toEqual([expect.stringContaining('ADD "label" text NOT NULL')]);
      const source = await generateMigrationSource(dataSource, 'AddParcelLabel');
      expect(source).toContain('"${schema}"."parcel"');
      expect(source).not.toContain(`"${schema}"`);
      expect(source).toContain('DROP COLUMN "label"');
    } finally {
      await dropSchema(dataSource, schema);
    }
  });
});

describe('embedded PostgreSQL (PGlite)', () => {
  it('runs migrations, keeps committed data across a restart and nothing of a rolled-back transaction', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-pglite-'));
    try {
      let embedded = await startEmbeddedPostgres({ dataDir });
      let dataSource = createServiceDataSource({
        url: embedded.url,
        schema: 'intake',
        entities: [Parcel],
        migrations: [CreateParcel1700000000000],
        poolSize: EMBEDDED_POOL_SIZE,
      });
      await dataSource.initialize();
      await migrateDatabase(dataSource);
      await dataSource.transaction(async (tx) => {
        await tx.insert(Parcel, { code: 'KEPT', weight: 1 });
      });
      await expect(
        dataSource.transaction(async (tx) => {
          await tx.insert(Parcel, { code: 'ROLLED-BACK', weight: 2 });
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      await dataSource.destroy();
      await embedded.stop();

      embedded = await startEmbeddedPostgres({ dataDir });
      dataSource = createServiceDataSource({
        url: embedded.url,
        schema: 'intake',
        entities: [Parcel],
        migrations: [CreateParcel1700000000000],
        poolSize: 1,
      });
      await dataSource.initialize();
      expect(await migrateDatabase(dataSource)).toEqual([]);
      expect(await dataSource.getRepository(Parcel).find()).toEqual([{ code: 'KEPT', weight: 1 }]);
      expect(await findSchemaDrift(dataSource)).toEqual([]);
      await dataSource.destroy();
      await embedded.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
