export { Env } from './env.decorator';
export { ConfigurationError, loadConfig, type CrossFieldRules, type LoadConfigOptions } from './load-config';
export { BaseServiceConfig, DEVELOPMENT_TOKEN_SECRET, LOG_LEVELS, type LogLevel } from './base-service.config';
