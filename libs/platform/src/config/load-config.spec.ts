import { IsInt, Min } from 'class-validator';
import { BaseServiceConfig, ConfigurationError, Env, loadConfig } from '../index';

class ExampleConfig extends BaseServiceConfig {
  @Env('NOTICE_HOURS')
  @IsInt()
  @Min(1)
  noticeHours: number = 72;
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(ExampleConfig, { env });
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('validated configuration', () => {
  it('applies defaults and coerces numbers, booleans and lists from the environment', () => {
    const config = loadConfig(ExampleConfig, {
      env: { HTTP_PORT: '3101', KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092', SEED_DEMO_DATA: 'yes' },
    });
    expect(config.httpPort).toBe(3101);
    expect(config.kafkaBrokers).toEqual(['kafka-1:9092', 'kafka-2:9092']);
    expect(config.seedDemoData).toBe(true);
    expect(config.noticeHours).toBe(72);
    expect(config.eventBus).toBe('kafka');
  });

  it('fails start-up with a message naming every bad variable', () => {
    expect(() => loadConfig(ExampleConfig, { env: { HTTP_PORT: 'abc', KAFKA_BROKERS: 'nope' } })).toThrow(
      /Invalid configuration: HTTP_PORT must be a number \(got "abc"\); KAFKA_BROKERS must be a comma-separated list of host:port \(got "nope"\)/,
    );
  });

  it('names the variable of a service-specific setting too', () => {
    expect(problemsOf({ NOTICE_HOURS: '0' })).toEqual(['NOTICE_HOURS must not be less than 1 (got "0")']);
  });

  it('refuses a database URL that is not postgres', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://root@localhost/db' })).toEqual([
      'DATABASE_URL must be a postgres:// URL (got "mysql://root@localhost/db")',
    ]);
  });

  it('refuses the development token secret in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'AUTH_TOKEN_SECRET must be set to a secret of your own in production (the development default is refused)',
    ]);
  });

  it('uses a service default only where the environment is silent, and overrides over both', () => {
    expect(loadConfig(ExampleConfig, { env: {}, defaults: { HTTP_PORT: '3001' } }).httpPort).toBe(3001);
    expect(loadConfig(ExampleConfig, { env: { HTTP_PORT: '4000' }, defaults: { HTTP_PORT: '3001' } }).httpPort).toBe(4000);
    expect(loadConfig(ExampleConfig, { env: { HTTP_PORT: '4000' }, overrides: { HTTP_PORT: '0' } }).httpPort).toBe(0);
  });
});
