import { join } from 'node:path';
import { findFreePort } from '../../../../tools/kafka/broker';
import type { RunningPlatform, ServiceName } from './platform-processes';
import { startServiceProcess, type ServiceProcess } from './service-process';

/**
 * One more instance of a running platform's service, as operators scale out: the same environment
 * (same schema, so the same consumer group and the same outbox relay lease) on its own HTTP port,
 * logging to `<service>-<instance>.log` beside the others. The caller stops it.
 */
export async function startAnotherInstance(
  platform: RunningPlatform,
  name: ServiceName,
  instance: number,
  options: {
    profileDir?: string;
    /** A start that joins consumer groups under load waits for their rebalance (default 60 s). */ readyTimeoutMs?: number;
  } = {},
): Promise<ServiceProcess> {
  const env = platform.envs.get(name);
  if (!env) throw new Error(`${name} is not part of this platform`);
  return startServiceProcess(name, { ...env, HTTP_PORT: String(await findFreePort()) }, join(platform.logs, `${name}-${instance}.log`), {
    ...(options.profileDir ? { nodeArguments: ['--cpu-prof', `--cpu-prof-dir=${join(options.profileDir, `${name}-${instance}`)}`] } : {}),
    ...(options.readyTimeoutMs ? { readyTimeoutMs: options.readyTimeoutMs } : {}),
  });
}
