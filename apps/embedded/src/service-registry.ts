import { join } from 'node:path';
import { PLATFORM_SERVICES, type PlatformServiceName } from '@onewindow/contracts';
import type { ServiceDefinition } from '@onewindow/platform';

/** The services with events (the topic catalogue's producers), then identity, which answers HTTP only. */
export const SERVICE_NAMES = PLATFORM_SERVICES;
export type { PlatformServiceName };

/**
 * The launcher is a composition root like a process supervisor: it loads each service's public
 * definition at run time instead of importing it, so services stay free of each other and the
 * embedded default runs exactly the code each service runs alone.
 */
export function loadServiceDefinitions(): ServiceDefinition[] {
  return SERVICE_NAMES.map((name) => {
    const modulePath = join(__dirname, '..', '..', name, 'src', `${name}.service`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at run time on purpose (see above)
    const exported = require(modulePath) as Record<string, ServiceDefinition>;
    const definition = exported[`${name}Service`];
    if (!definition || definition.name !== name) throw new Error(`${modulePath} does not export ${name}Service`);
    return definition;
  });
}
