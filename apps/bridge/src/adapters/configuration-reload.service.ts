import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, type AuthenticatedUser } from '@onewindow/platform';
import { AdapterConfigurationRepository } from './adapter-configuration.repository';
import { BridgeConfigurationError } from './bridge-configuration';
import { BridgeRuntime, type ReloadedConfiguration } from './bridge-runtime';
import type { ConfigurationReload } from './configuration-reload.entity';
import { toConfigurationReloadView, type ConfigurationReloadView } from './configuration-reload.view';
import { BRIDGE_ERRORS } from '../bridge-errors';

/** 重新加载配置: the adapters file read again on request, every attempt recorded with who and when. */
@Injectable()
export class ConfigurationReloads {
  constructor(
    private readonly runtime: BridgeRuntime,
    private readonly configuration: AdapterConfigurationRepository,
    private readonly clock: Clock,
  ) {}

  /** Applies the file, or refuses it (422, every problem by path) keeping the configuration in force; recorded either way. */
  async reload(user: AuthenticatedUser): Promise<ConfigurationReloadView> {
    let reloaded: ReloadedConfiguration | undefined;
    let problems: Array<{ path: string; message: string }> = [];
    try {
      reloaded = await this.runtime.reload();
    } catch (error) {
      if (!(error instanceof BridgeConfigurationError)) throw error;
      problems = error.problems.map((p) => ({ path: p.path, message: p.message }));
    }
    const record: ConfigurationReload = {
      id: randomUUID(),
      at: this.clock.now(),
      reloadedBy: `${user.name}（${user.id}）`,
      file: this.runtime.configurationFile ?? '',
      fileSha256: reloaded?.fileSha256 ?? null,
      outcome: reloaded ? 'applied' : 'refused',
      changedMappings: reloaded?.changedMappings ?? [],
      problems,
    };
    await this.configuration.insertReload(record);
    if (!reloaded) {
      throw BRIDGE_ERRORS.ADAPTERS_FILE_REFUSED(
        { problems: problems.length },
        problems.map((p) => ({ path: p.path, code: 'CONFIGURATION_INVALID', message: p.message })),
      );
    }
    return toConfigurationReloadView(record);
  }

  /** The latest reloads, newest first. */
  async latest(limit = 20): Promise<ConfigurationReloadView[]> {
    const rows = await this.configuration.latestReloads(limit);
    return rows.map(toConfigurationReloadView);
  }
}
