import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { CompiledMapping, MappingSpec } from '@onewindow/mapping';
import type { SettingProblem } from './transport';
import { scopeAdmits, type Clock, type DepartmentScope } from '@onewindow/platform';
import { In, type DataSource, type FindOperator } from 'typeorm';
import type { BridgeConfig } from '../bridge.config';
import { startDemoDepartmentSystems, type DemoDepartmentSystems } from '../demo/demo-department-systems';
import type { AdapterDefinition, InboundDefinition, LookupDefinition, TransportConfig } from './adapter-definition';
import {
  BridgeConfigurationError,
  compileBridgeConfiguration,
  loadBridgeConfigurationFile,
  type CompiledConfiguration,
} from './bridge-configuration';
import { TRANSPORT_KINDS } from './transport-kinds';
import type { LookupTransport, OutboundTransport, PolledSource, TransportContext, TransportKind } from './transport';

export interface RunningInbound {
  definition: InboundDefinition;
  mapping: CompiledMapping;
  /** Polled sources (file, table); undefined for pushed ones (webhook). */
  source: PolledSource | undefined;
}

export interface RunningOutbound {
  transport: OutboundTransport;
  mapping: CompiledMapping;
}

export interface RunningAdapter {
  definition: AdapterDefinition;
  /** Parts out; `supplement` carries what the window received after the department returned a part (补正). */
  outbound?: RunningOutbound & { supplement?: RunningOutbound };
  inbound: RunningInbound[];
}

export interface RunningLookup {
  definition: LookupDefinition;
  transport: LookupTransport;
  mapping: CompiledMapping;
}

/** The adapters and look-ups in force; replaced as a whole by a reload, never changed in place. */
export interface RunningConfiguration {
  adapters: readonly RunningAdapter[];
  lookups: readonly RunningLookup[];
}

/** A configuration file read again: what is now in force. */
export interface ReloadedConfiguration {
  file: string;
  /** SHA-256 of the file's text, lower-case hex. */
  fileSha256: string;
  adapters: number;
  lookups: number;
  /** Names of the mapping specs that differ from the ones in force before. */
  changedMappings: string[];
}

/**
 * The adapters as configured, with their transports built and mappings compiled at start-up.
 * Without a configuration file and with BRIDGE_DEMO_SYSTEMS (the embedded default, tests) the
 * demo department systems are started first and their configuration is written to the demo folder,
 * so it can be edited and reloaded like a real one. A reload re-reads the file and swaps the compiled mappings in one step for
 * every later delivery and replay; transports are kept (adding or removing a system or changing a
 * transport needs a restart, and a reload asking for it is refused).
 */
export class BridgeRuntime {
  private readonly logger = new Logger('BridgeRuntime');
  private running: RunningConfiguration;

  private constructor(
    running: RunningConfiguration,
    readonly demo: DemoDepartmentSystems | undefined,
    private readonly dropDemoData: boolean,
    /** The adapters file a reload reads; undefined in production without BRIDGE_ADAPTERS_FILE. */
    readonly configurationFile: string | undefined,
    private readonly kinds: readonly TransportKind[],
    private readonly build: (
      compiled: CompiledConfiguration,
      keep: (path: string, kind: 'outbound' | 'inbound' | 'lookup', id: string, index: number, transport: TransportConfig) => unknown,
    ) => RunningConfiguration,
  ) {
    this.running = running;
  }

  get adapters(): readonly RunningAdapter[] {
    return this.running.adapters;
  }

  get lookups(): readonly RunningLookup[] {
    return this.running.lookups;
  }

  static async start(
    config: BridgeConfig,
    dataSource: DataSource,
    clock: Clock,
    kinds: readonly TransportKind[] = TRANSPORT_KINDS,
  ): Promise<BridgeRuntime> {
    let compiled: CompiledConfiguration;
    let demo: DemoDepartmentSystems | undefined;
    let configurationFile: string | undefined = config.adaptersFile;
    if (config.adaptersFile) {
      compiled = loadBridgeConfigurationFile(config.adaptersFile, kinds);
    } else if (!config.demoSystems) {
      new Logger('BridgeRuntime').warn('BRIDGE_ADAPTERS_FILE is not set: no department system adapters and no look-ups are configured');
      compiled = compileBridgeConfiguration({ adapters: [], lookups: [] }, kinds);
    } else {
      const schema = (dataSource.options as { schema?: string }).schema ?? 'bridge';
      const folder = config.demoFolder ?? join(tmpdir(), `onewindow-bridge-demo-${schema}`);
      demo = await startDemoDepartmentSystems({ dataSource, schema, folder });
      try {
        // Written at every start: the demo's adapters file is the one to edit and reload (POST /adapters/reload).
        configurationFile = join(folder, DEMO_ADAPTERS_FILE);
        await writeFile(configurationFile, `${JSON.stringify(demo.configuration, null, 2)}\n`, 'utf8');
        compiled = loadBridgeConfigurationFile(configurationFile, kinds);
      } catch (error) {
        await demo.stop({ dropData: config.nodeEnv === 'test' });
        throw error;
      }
    }
    const schemaName = (dataSource.options as { schema?: string } | undefined)?.schema ?? 'bridge';
    const dataFolder = config.dataFolder ?? join(tmpdir(), `onewindow-bridge-data-${schemaName}`);
    const kind = (kindName: string): TransportKind => kinds.find((k) => k.kind === kindName) as TransportKind;
    const build: BridgeRuntime['build'] = (compiled, keep) => {
      const mapping = (name: string) => compiled.mappings.get(name) as CompiledMapping;
      const adapters = compiled.configuration.adapters.map((definition, index): RunningAdapter => {
        const context: TransportContext = { adapterId: definition.id, dataSource, clock, dataFolder };
        const path = `adapters[${index}]`;
        const outbound = definition.outbound;
        const running = (config: { transport: TransportConfig; mapping: MappingSpec }, at: string, slot: number): RunningOutbound => ({
          transport: (keep(at, 'outbound', definition.id, slot, config.transport) ??
            kind(config.transport.kind).outbound?.(config.transport, context)) as OutboundTransport,
          mapping: mapping(config.mapping.name),
        });
        return {
          definition,
          ...(outbound
            ? {
                outbound: {
                  ...running(outbound, `${path}.outbound.transport`, 0),
                  ...(outbound.supplement ? { supplement: running(outbound.supplement, `${path}.outbound.supplement.transport`, 1) } : {}),
                },
              }
            : {}),
          inbound: (definition.inbound ?? []).map((inbound, i) => ({
            definition: inbound,
            mapping: mapping(inbound.mapping.name),
            source: (keep(`${path}.inbound[${i}].transport`, 'inbound', definition.id, i, inbound.transport) ??
              kind(inbound.transport.kind).inbound?.(inbound.transport, context)) as PolledSource | undefined,
          })),
        };
      });
      const lookups = compiled.configuration.lookups.map((definition, index) => ({
        definition,
        transport: (keep(`lookups[${index}].transport`, 'lookup', definition.id, 0, definition.transport) ??
          kind(definition.transport.kind).lookup?.(definition.transport, {
            adapterId: definition.id,
            dataSource,
            clock,
          })) as LookupTransport,
        mapping: mapping(definition.mapping.name),
      }));
      return { adapters, lookups };
    };
    return new BridgeRuntime(
      build(compiled, () => undefined),
      demo,
      config.nodeEnv === 'test',
      configurationFile,
      kinds,
      build,
    );
  }

  /**
   * Reads the adapters file again and, when it is valid and asks for nothing a restart must do,
   * puts its mappings in force at once (one assignment: a delivery sees the old set or the new,
   * never a mix). Throws BridgeConfigurationError with every problem by path and keeps what runs.
   */
  async reload(): Promise<ReloadedConfiguration> {
    const file = this.configurationFile;
    if (!file)
      throw new BridgeConfigurationError([
        { path: 'BRIDGE_ADAPTERS_FILE', message: '未配置适配器文件（BRIDGE_ADAPTERS_FILE），没有可重新加载的配置' },
      ]);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new BridgeConfigurationError([{ path: file, message: `适配器文件无法读取：${(error as Error).message}` }]);
    }
    const compiled = loadBridgeConfigurationFile(file, this.kinds, text);
    const problems = restartOnlyChanges(this.running, compiled);
    if (problems.length > 0) throw new BridgeConfigurationError(problems);
    const before = this.running;
    const next = this.build(compiled, (_path, direction, id, index, transport) => keptTransport(before, direction, id, index, transport));
    this.running = next;
    const changedMappings = mappingsChanged(before, next);
    this.logger.log(`Adapters file ${file} reloaded: ${changedMappings.length} mapping(s) changed`);
    return {
      file,
      fileSha256: createHash('sha256').update(text).digest('hex'),
      adapters: next.adapters.length,
      lookups: next.lookups.length,
      changedMappings,
    };
  }

  /** Adapters that cannot work now and why (`unavailable: chromium not found at …`), by id: for health and the start banner. */
  unavailable(): Record<string, string> {
    const found: Record<string, string> = {};
    for (const adapter of this.adapters) {
      const reason = adapter.outbound?.transport.unavailable?.() ?? adapter.inbound.map((i) => i.source?.unavailable?.()).find((r) => r);
      if (reason) found[adapter.definition.id] = reason;
    }
    return found;
  }

  adapter(id: string): RunningAdapter | undefined {
    return this.adapters.find((adapter) => adapter.definition.id === id);
  }

  /** The adapter that takes a part: its department, and its item if the adapter lists items. */
  adapterFor(departmentCode: string, itemCode: string): RunningAdapter | undefined {
    return this.adapters.find(
      (adapter) =>
        adapter.outbound &&
        adapter.definition.department.code === departmentCode &&
        (!adapter.definition.itemCodes || adapter.definition.itemCodes.includes(itemCode)),
    );
  }

  async stop(): Promise<void> {
    for (const adapter of this.adapters) {
      await adapter.outbound?.transport.close?.().catch((error: Error) => this.logger.warn(error.message));
      await adapter.outbound?.supplement?.transport.close?.().catch((error: Error) => this.logger.warn(error.message));
      for (const inbound of adapter.inbound) await inbound.source?.close?.().catch((error: Error) => this.logger.warn(error.message));
    }
    await this.demo?.stop({ dropData: this.dropDemoData });
  }
}

/** The adapters a query may touch: the repositories of exchange-log rows and dead letters add it to their where-clause, so scoping stays here. */
export type AdapterCondition = { adapterId?: string | FindOperator<string> };

/**
 * The where-clause that keeps a department's integrator to its own adapters (every adapter for a
 * caller without a department). An adapter no longer configured belongs to no department.
 */
export function adaptersInScope(runtime: BridgeRuntime, scope: DepartmentScope, adapterId?: string): AdapterCondition {
  const allowed =
    scope.kind === 'all'
      ? undefined
      : runtime.adapters.filter((a) => scopeAdmits(scope, a.definition.department.code)).map((a) => a.definition.id);
  // Another department's adapter matches nothing (In([]) is "0=1").
  if (adapterId) return { adapterId: allowed && !allowed.includes(adapterId) ? In([]) : adapterId };
  return allowed ? { adapterId: In(allowed) } : {};
}

/** The demo's adapters file, in the demo folder. */
export const DEMO_ADAPTERS_FILE = 'adapters.json';

/** JSON with keys in order: two transport settings are the same whatever order the file lists them in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function transportsOf(adapter: AdapterDefinition): {
  outbound: Array<TransportConfig | undefined>;
  inbound: Array<{ kind: string; transport: TransportConfig }>;
} {
  return {
    outbound: [adapter.outbound?.transport, adapter.outbound?.supplement?.transport],
    inbound: (adapter.inbound ?? []).map((i) => ({ kind: i.kind, transport: i.transport })),
  };
}

/** What a reload cannot do while the bridge runs, each by its path in the new file. */
export function restartOnlyChanges(running: RunningConfiguration, next: CompiledConfiguration): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const restart = '需重启联通桥后生效；重新加载只更新映射规则、代码表和投递设置';
  const nextIds = new Set(next.configuration.adapters.map((a) => a.id));
  for (const adapter of running.adapters) {
    if (!nextIds.has(adapter.definition.id))
      problems.push({ path: 'adapters', message: `删除对接系统 ${adapter.definition.id}${restart}` });
  }
  next.configuration.adapters.forEach((definition, index) => {
    const path = `adapters[${index}]`;
    const current = running.adapters.find((a) => a.definition.id === definition.id)?.definition;
    if (!current) {
      problems.push({ path: `${path}.id`, message: `新增对接系统 ${definition.id}${restart}` });
      return;
    }
    if (current.department.code !== definition.department.code)
      problems.push({ path: `${path}.department.code`, message: `对接系统所属部门的变更${restart}` });
    const before = transportsOf(current);
    const after = transportsOf(definition);
    if (canonical(before.outbound[0]) !== canonical(after.outbound[0]))
      problems.push({ path: `${path}.outbound.transport`, message: `发送方式的变更${restart}` });
    if (canonical(before.outbound[1]) !== canonical(after.outbound[1]))
      problems.push({ path: `${path}.outbound.supplement.transport`, message: `补正发送方式的变更${restart}` });
    if (canonical(before.inbound) !== canonical(after.inbound))
      problems.push({ path: `${path}.inbound`, message: `接收方式（种类、顺序或传输设置）的变更${restart}` });
  });
  const lookupsBefore = canonical(
    running.lookups.map((l) => ({ id: l.definition.id, key: l.definition.key, transport: l.definition.transport })),
  );
  const lookupsAfter = canonical(next.configuration.lookups.map((l) => ({ id: l.id, key: l.key, transport: l.transport })));
  if (lookupsBefore !== lookupsAfter) problems.push({ path: 'lookups', message: `共享数据查询的增删或传输设置的变更${restart}` });
  return problems;
}

/** The running transport a reload keeps for the same slot (checked unchanged before). */
function keptTransport(
  running: RunningConfiguration,
  direction: 'outbound' | 'inbound' | 'lookup',
  id: string,
  index: number,
  transport: TransportConfig,
): unknown {
  if (direction === 'lookup') return running.lookups.find((l) => l.definition.id === id)?.transport;
  const adapter = running.adapters.find((a) => a.definition.id === id);
  if (!adapter) throw new Error(`adapter ${id} is not running`);
  if (direction === 'inbound') return adapter.inbound[index]?.source;
  const kept = index === 0 ? adapter.outbound?.transport : adapter.outbound?.supplement?.transport;
  // A supplement without a transport of its own reuses the outbound one (same settings, one transport).
  if (!kept && index === 1 && canonical(transport) === canonical(adapter.definition.outbound?.transport))
    return adapter.outbound?.transport;
  return kept;
}

function specsOf(running: RunningConfiguration): Map<string, string> {
  const specs = new Map<string, string>();
  const add = (mapping: CompiledMapping | undefined) => {
    if (mapping) specs.set(mapping.spec.name, canonical(mapping.spec));
  };
  for (const adapter of running.adapters) {
    add(adapter.outbound?.mapping);
    add(adapter.outbound?.supplement?.mapping);
    for (const inbound of adapter.inbound) add(inbound.mapping);
  }
  for (const lookup of running.lookups) add(lookup.mapping);
  return specs;
}

function mappingsChanged(before: RunningConfiguration, after: RunningConfiguration): string[] {
  const old = specsOf(before);
  return [...specsOf(after)].filter(([name, spec]) => old.get(name) !== spec).map(([name]) => name);
}
