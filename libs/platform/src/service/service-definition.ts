import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { ServiceName } from '@onewindow/contracts';
import type { BaseServiceConfig } from '../config';

/**
 * Everything the platform needs to run one service, alone (its own process, Kafka, PostgreSQL)
 * or beside the others in the embedded default (one process, in-process bus, PGlite).
 */
export interface ServiceDefinition<C extends BaseServiceConfig = BaseServiceConfig> {
  name: ServiceName;
  /** For people: `前台综合受理 (intake)`. */
  title: string;
  defaultPort: number;
  configClass: new () => C;
  /** The service's feature modules. */
  modules(config: C): Array<Type<unknown> | DynamicModule>;
  /** TypeORM entities of the service's schema, the messaging tables included. */
  entities: Array<Type<unknown>>;
  /** Reviewed migrations, oldest first. */
  migrations: Array<Type<unknown>>;
  /**
   * Largest JSON request body (`'16mb'`) unless HTTP_BODY_LIMIT_KB says otherwise; 1 MB when absent. Intake takes whole
   * catalogue files (with every item's form) in one request.
   */
  maxRequestBody?: string;
  /** Demo data for the embedded default; must be idempotent. */
  seedDemoData?(app: INestApplication, config: C): Promise<void>;
}
