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
  it('runs the demo department systems when no adapter file is named, outside production', () => {
    const config = loadConfig(BridgeConfig, { env: {} });
    expect(config.adaptersFile).toBeUndefined();
    expect(config.pollIntervalMs).toBe(1000);
  });

  it('names a bad worker interval', () => {
    expect(problemsOf({ BRIDGE_POLL_INTERVAL_MS: '-5' })[0]).toMatch(/^BRIDGE_POLL_INTERVAL_MS must be a whole number of milliseconds/);
  });
});
