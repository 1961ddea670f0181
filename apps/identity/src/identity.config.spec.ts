import { loadConfig } from '@onewindow/platform';
import { IdentityConfig } from './identity.config';

const production = { NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'a-production-secret-of-at-least-32-characters' };

describe('the identity configuration', () => {
  it('lasts a working day, locks after five wrong passwords for a quarter of an hour, by default', () => {
    expect(loadConfig(IdentityConfig, { env: {} })).toMatchObject({
      sessionTtlMinutes: 480,
      signInMaxFailures: 5,
      signInLockMinutes: 15,
      sessionCookieSecure: false,
    });
  });

  it('refuses the demo accounts in production', () => {
    expect(() => loadConfig(IdentityConfig, { env: { ...production, SEED_DEMO_DATA: 'true' } })).toThrow(
      'SEED_DEMO_DATA would create the demo accounts',
    );
    expect(loadConfig(IdentityConfig, { env: { ...production, INITIAL_ADMIN_PASSWORD: 'Liaocheng@2026' } }).initialAdminPassword).toBe(
      'Liaocheng@2026',
    );
  });

  it('refuses a first administrator password that breaks the password rule', () => {
    expect(() => loadConfig(IdentityConfig, { env: { ...production, INITIAL_ADMIN_PASSWORD: 'password' } })).toThrow(
      'INITIAL_ADMIN_PASSWORD does not meet the password rule',
    );
  });

  it('names a bad lockout setting', () => {
    expect(() => loadConfig(IdentityConfig, { env: { SIGN_IN_MAX_FAILURES: '1' } })).toThrow('SIGN_IN_MAX_FAILURES');
  });
});
