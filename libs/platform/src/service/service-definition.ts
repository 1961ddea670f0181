import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { ServiceName } from '@onewindow/contracts';
import type { BaseServiceConfig } from '../config';

/** A demo sign-in: shown in the start banner, used by the browser tests. Never seeded in production. */
export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  role: string;
  /** Department or service centre, for people: `东昌府区市场监督管理局`. */
  unit: string;
}

/** Services outside the event catalogue: they answer HTTP only. */
export type HttpOnlyServiceName = 'identity';

/**
 * Everything the platform needs to run one service, alone (its own process, Kafka, PostgreSQL)
 * or beside the others in the embedded default (one process, in-process bus, PGlite).
 */
export interface ServiceDefinition<C extends BaseServiceConfig = BaseServiceConfig> {
  /** A service that publishes or consumes events is one of the topic catalogue's producers. */
  name: ServiceName | HttpOnlyServiceName;
  /**
   * Neither publishes nor consumes events (identity): no messaging, no broker connection, no
   * dead letters; only its database and HTTP.
   */
  httpOnly?: boolean;
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
  /** The sign-ins the demo data creates, for the start banner and the test platforms (identity). */
  demoAccounts?: readonly DemoAccount[];
  /**
   * Largest JSON request body (`'16mb'`) unless HTTP_BODY_LIMIT_KB says otherwise; 1 MB when absent. Intake takes whole
   * catalogue files (with every item's form) in one request.
   */
  maxRequestBody?: string;
  /** Demo data for the embedded default; must be idempotent. */
  seedDemoData?(app: INestApplication, config: C): Promise<void>;
  /** Work at every start, after the demo data and before listening (identity: the first administrator); must be idempotent. */
  onStart?(app: INestApplication, config: C): Promise<void>;
}
