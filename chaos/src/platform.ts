import { startPlatformProcesses, type RunningPlatform } from '@onewindow/testing';

/**
 * The four services as processes for one scenario, tried a second time when a start times out: on
 * a loaded two-core machine a fresh broker's group coordinator can take longer than a start allows.
 */
export async function startScenarioPlatform(options: Parameters<typeof startPlatformProcesses>[0]): Promise<RunningPlatform> {
  try {
    return await startPlatformProcesses(options);
  } catch {
    return startPlatformProcesses(options);
  }
}
