import { ConfigurationError, loadConfig } from '@onewindow/platform';
import { BridgeConfig } from './bridge.config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(BridgeConfig, { env });
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('the bridge configuration', () => {
  it('runs no simulated department system unless asked to, and never in production', () => {
    const config = loadConfig(BridgeConfig, { env: {} });
    expect(config.adaptersFile).toBeUndefined();
    expect(config.demoSystems).toBe(false);
    expect(config.pollIntervalMs).toBe(1000);
    expect(loadConfig(BridgeConfig, { env: { BRIDGE_DEMO_SYSTEMS: 'true' } }).demoSystems).toBe(true);
    expect(
      problemsOf({ BRIDGE_DEMO_SYSTEMS: 'true', NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'a-production-secret-of-forty-characters!!' }),
    ).toEqual(['BRIDGE_DEMO_SYSTEMS: the simulated department systems never run in production']);
  });

  it('names a bad worker interval', () => {
    expect(problemsOf({ BRIDGE_POLL_INTERVAL_MS: '-5' })[0]).toMatch(/^BRIDGE_POLL_INTERVAL_MS must be a whole number of milliseconds/);
  });
});
