import {
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ROLES, type Role } from '../auth/roles';
import type { ExternalIdentityProvider } from '../auth/tokens';
import { Env } from './env.decorator';
import type { CrossFieldRules } from './load-config';

/** Only for development and tests; refused when NODE_ENV=production. */
export const DEVELOPMENT_TOKEN_SECRET = 'onewindow-development-secret-do-not-use-in-production';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `json`: one object per line, for a log collector (production); `text`: one readable line, for a person at a terminal. */
export const LOG_FORMATS = ['json', 'text'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Variables every service reads. A service's own config class extends this one. */
export class BaseServiceConfig implements CrossFieldRules {
  @Env('NODE_ENV')
  @IsIn(['development', 'test', 'production'], { message: 'must be development, test or production' })
  nodeEnv: string = 'development';

  @Env('HTTP_HOST')
  @IsString()
  httpHost: string = '127.0.0.1';

  /** Each service has its own default port; the definition sets it when the variable is unset. */
  @Env('HTTP_PORT')
  @IsInt({ message: 'must be an integer between 0 and 65535' })
  @Min(0, { message: 'must be an integer between 0 and 65535' })
  @Max(65535, { message: 'must be an integer between 0 and 65535' })
  httpPort: number = 3000;

  /**
   * The largest request body a service reads, in kilobytes; a larger one is refused with 413.
   * Unset: the service's own (`maxRequestBody` of its definition: intake 16 MB), else 1 MB.
   */
  @Env('HTTP_BODY_LIMIT_KB')
  @IsOptional()
  @IsInt({ message: 'must be a whole number of kilobytes from 1 to 65536' })
  @Min(1, { message: 'must be a whole number of kilobytes from 1 to 65536' })
  @Max(65536, { message: 'must be a whole number of kilobytes from 1 to 65536' })
  httpBodyLimitKb?: number;

  /** How deep a JSON body may nest objects and arrays; deeper is refused with 400 before it is parsed. */
  @Env('HTTP_BODY_MAX_DEPTH')
  @IsInt({ message: 'must be a whole number from 4 to 256' })
  @Min(4, { message: 'must be a whole number from 4 to 256' })
  @Max(256, { message: 'must be a whole number from 4 to 256' })
  httpBodyMaxDepth: number = 32;

  @Env('DATABASE_URL')
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'must be a postgres:// URL' })
  databaseUrl: string = 'postgres://postgres@127.0.0.1:5432/postgres';

  /** Defaults to the service's name. */
  @Env('DATABASE_SCHEMA')
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'must be lower-case letters, digits and underscores' })
  databaseSchema?: string;

  @Env('DATABASE_POOL_SIZE')
  @IsInt({ message: 'must be an integer between 1 and 100' })
  @Min(1, { message: 'must be an integer between 1 and 100' })
  @Max(100, { message: 'must be an integer between 1 and 100' })
  databasePoolSize: number = 10;

  @Env('MIGRATE_ON_START')
  @IsBoolean()
  migrateOnStart: boolean = true;

  @Env('EVENT_BUS')
  @IsIn(['kafka', 'in-process'], { message: 'must be kafka or in-process' })
  eventBus: 'kafka' | 'in-process' = 'kafka';

  @Env('KAFKA_BROKERS')
  @ArrayMinSize(1, { message: 'must list at least one broker' })
  @Matches(/^[A-Za-z0-9.-]+:\d{1,5}$/, { each: true, message: 'must be a comma-separated list of host:port' })
  kafkaBrokers: string[] = ['127.0.0.1:29092'];

  /** Prefix for every topic and consumer group; isolates test suites (or tenants) on one broker. */
  @Env('KAFKA_TOPIC_PREFIX')
  @IsString()
  @Matches(/^[a-z0-9.-]*$/, { message: 'must be lower-case letters, digits, dots and hyphens' })
  kafkaTopicPrefix: string = '';

  @Env('KAFKA_TOPIC_PARTITIONS')
  @IsInt()
  @Min(1)
  @Max(64)
  kafkaTopicPartitions: number = 3;

  @Env('AUTH_TOKEN_SECRET')
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  authTokenSecret: string = DEVELOPMENT_TOKEN_SECRET;

  /**
   * An external identity provider whose tokens are accepted beside OneWindow's own (OIDC, RS256 via
   * its JWKS: the province's 统一身份认证). Unset: only OneWindow's tokens.
   */
  @Env('AUTH_OIDC_ISSUER')
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  authOidcIssuer?: string;

  @Env('AUTH_OIDC_JWKS_URI')
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  authOidcJwksUri?: string;

  /** The `aud` the provider's tokens must carry (the client id OneWindow is registered under). */
  @Env('AUTH_OIDC_AUDIENCE')
  @IsOptional()
  @IsString()
  authOidcAudience?: string;

  @Env('AUTH_OIDC_ALGORITHMS')
  @ArrayMinSize(1, { message: 'must list at least one algorithm' })
  @IsIn(['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'], {
    each: true,
    message: 'must list asymmetric JWS algorithms (RS256, ES256, …)',
  })
  authOidcAlgorithms: string[] = ['RS256'];

  /** Claims naming the user's display name, role, department code and centre level. */
  @Env('AUTH_OIDC_NAME_CLAIM')
  @IsString()
  authOidcNameClaim: string = 'name';

  @Env('AUTH_OIDC_ROLE_CLAIM')
  @IsString()
  authOidcRoleClaim: string = 'role';

  @Env('AUTH_OIDC_DEPARTMENT_CLAIM')
  @IsString()
  authOidcDepartmentClaim: string = 'department';

  @Env('AUTH_OIDC_LEVEL_CLAIM')
  @IsString()
  authOidcLevelClaim: string = 'level';

  /** `theirs=ours` pairs, e.g. `chuangkou=clerk,shenpi=approver`; an unlisted value must be one of our roles. */
  @Env('AUTH_OIDC_ROLE_MAP')
  @Matches(new RegExp(`^[^=\\s]+=(${ROLES.join('|')})$`), {
    each: true,
    message: `must be theirs=ours pairs, ours one of ${ROLES.join(', ')}`,
  })
  authOidcRoleMap: string[] = [];

  @Env('LOG_LEVEL')
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  logLevel: LogLevel = 'info';

  @Env('LOG_FORMAT')
  @IsIn(LOG_FORMATS, { message: `must be one of ${LOG_FORMATS.join(', ')}` })
  logFormat: LogFormat = 'json';

  @Env('OUTBOX_POLL_INTERVAL_MS')
  @IsInt()
  @Min(10)
  @Max(60_000)
  outboxPollIntervalMs: number = 250;

  @Env('CONSUMER_MAX_ATTEMPTS')
  @IsInt()
  @Min(1)
  @Max(20)
  consumerMaxAttempts: number = 5;

  @Env('CONSUMER_RETRY_BASE_MS')
  @IsInt()
  @Min(1)
  @Max(60_000)
  consumerRetryBaseMs: number = 200;

  /** Most bytes the outbox relay puts in one publish: keep it below the broker's `message.max.bytes` (1 MiB by default). */
  @Env('OUTBOX_MAX_BATCH_BYTES')
  @IsInt()
  @Min(1_024)
  @Max(100 * 1024 * 1024)
  outboxMaxBatchBytes: number = 900 * 1024;

  @Env('SHUTDOWN_TIMEOUT_MS')
  @IsInt()
  @Min(0)
  @Max(300_000)
  shutdownTimeoutMs: number = 10_000;

  /** Load the demo catalogue and data into an empty database. */
  @Env('SEED_DEMO_DATA')
  @IsBoolean()
  seedDemoData: boolean = false;

  @Env('PUBLIC_BASE_URL')
  @IsOptional()
  @MaxLength(200)
  publicBaseUrl?: string;

  crossFieldProblems(): string[] {
    const problems: string[] = [];
    if (this.nodeEnv === 'production' && this.authTokenSecret === DEVELOPMENT_TOKEN_SECRET) {
      problems.push('AUTH_TOKEN_SECRET must be set to a secret of your own in production (the development default is refused)');
    }
    if (Boolean(this.authOidcIssuer) !== Boolean(this.authOidcJwksUri)) {
      problems.push('AUTH_OIDC_ISSUER and AUTH_OIDC_JWKS_URI must be set together (or neither)');
    }
    return problems;
  }

  /** The external identity provider, when one is configured. */
  externalIdentityProvider(): ExternalIdentityProvider | undefined {
    if (!this.authOidcIssuer || !this.authOidcJwksUri) return undefined;
    return {
      issuer: this.authOidcIssuer,
      jwksUri: this.authOidcJwksUri,
      ...(this.authOidcAudience ? { audience: this.authOidcAudience } : {}),
      algorithms: this.authOidcAlgorithms,
      claims: {
        name: this.authOidcNameClaim,
        role: this.authOidcRoleClaim,
        department: this.authOidcDepartmentClaim,
        level: this.authOidcLevelClaim,
      },
      roleMap: Object.fromEntries(this.authOidcRoleMap.map((pair) => pair.split('=') as [string, Role])),
    };
  }
}
