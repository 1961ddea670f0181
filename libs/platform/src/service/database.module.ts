import { Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit, type Type } from '@nestjs/common';
import { createServiceDataSource, migrateDatabase } from '@onewindow/persistence';
import { DataSource } from 'typeorm';
import { HealthRegistry } from '../health/health';

export interface DatabaseOptions {
  url: string;
  schema: string;
  entities: Array<Type<unknown>>;
  migrations: Array<Type<unknown>>;
  poolSize: number;
  /** Run pending migrations at start-up (default); operators may run them as a separate step. */
  migrate: boolean;
  applicationName: string;
}

const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

/** Provides the service's TypeORM `DataSource` on its own schema, migrated, reports its readiness, and closes it at shutdown. */
@Module({})
export class DatabaseModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health.register({
      name: 'database',
      check: async () => {
        await this.dataSource.query('SELECT 1');
      },
    });
  }

  static forService(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        { provide: DATABASE_OPTIONS, useValue: options },
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createServiceDataSource({
              url: options.url,
              schema: options.schema,
              entities: options.entities,
              migrations: options.migrations,
              poolSize: options.poolSize,
              applicationName: options.applicationName,
            });
            await dataSource.initialize();
            if (options.migrate) await migrateDatabase(dataSource);
            return dataSource;
          },
        },
      ],
      exports: [DataSource],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
