import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { CompiledMapping, MappingSpec } from '@onewindow/mapping';
import type { Clock } from '@onewindow/platform';
import { In, type DataSource, type FindOperator } from 'typeorm';
import type { BridgeConfig } from '../bridge.config';
import { startDemoDepartmentSystems, type DemoDepartmentSystems } from '../demo/demo-department-systems';
import type { AdapterDefinition, InboundDefinition, LookupDefinition, TransportConfig } from './adapter-definition';
import { compileBridgeConfiguration, loadBridgeConfigurationFile, type CompiledConfiguration } from './bridge-configuration';
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

/**
 * The adapters as configured, with their transports built and mappings compiled once at start-up.
 * Without a configuration file (development, tests) the demo department systems are started
 * first and the configuration points at them.
 */
export class BridgeRuntime {
  private readonly logger = new Logger('BridgeRuntime');

  private constructor(
    readonly adapters: readonly RunningAdapter[],
    readonly lookups: readonly RunningLookup[],
    readonly demo: DemoDepartmentSystems | undefined,
    private readonly dropDemoData: boolean,
  ) {}

  static async start(config: BridgeConfig, dataSource: DataSource, clock: Clock, kinds: readonly TransportKind[] = TRANSPORT_KINDS): Promise<BridgeRuntime> {
    let compiled: CompiledConfiguration;
    let demo: DemoDepartmentSystems | undefined;
    if (config.adaptersFile) {
      compiled = loadBridgeConfigurationFile(config.adaptersFile, kinds);
    } else if (config.nodeEnv === 'production') {
      // Simulated systems never run in production: without a file the bridge carries nothing yet.
      new Logger('BridgeRuntime').warn('BRIDGE_ADAPTERS_FILE is not set: no department system adapters and no look-ups are configured');
      compiled = compileBridgeConfiguration({ adapters: [], lookups: [] }, kinds);
    } else {
      const schema = (dataSource.options as { schema?: string }).schema ?? 'bridge';
      demo = await startDemoDepartmentSystems({ dataSource, schema, folder: config.demoFolder ?? join(tmpdir(), `onewindow-bridge-demo-${schema}`) });
      try {
        compiled = compileBridgeConfiguration(demo.configuration, kinds);
      } catch (error) {
        await demo.stop({ dropData: config.nodeEnv === 'test' });
        throw error;
      }
    }
    const schemaName = (dataSource.options as { schema?: string } | undefined)?.schema ?? 'bridge';
    const dataFolder = config.dataFolder ?? join(tmpdir(), `onewindow-bridge-data-${schemaName}`);
    const build = (kindName: string): TransportKind => kinds.find((k) => k.kind === kindName) as TransportKind;
    const mapping = (name: string) => compiled.mappings.get(name) as CompiledMapping;
    const adapters = compiled.configuration.adapters.map((definition): RunningAdapter => {
      const context: TransportContext = { adapterId: definition.id, dataSource, clock, dataFolder };
      const outbound = definition.outbound;
      const running = (config: { transport: TransportConfig; mapping: MappingSpec }): RunningOutbound => ({
        transport: build(config.transport.kind).outbound?.(config.transport, context) as OutboundTransport,
        mapping: mapping(config.mapping.name),
      });
      return {
        definition,
        ...(outbound ? { outbound: { ...running(outbound), ...(outbound.supplement ? { supplement: running(outbound.supplement) } : {}) } } : {}),
        inbound: (definition.inbound ?? []).map((inbound) => ({
          definition: inbound,
          mapping: mapping(inbound.mapping.name),
          source: build(inbound.transport.kind).inbound?.(inbound.transport, context),
        })),
      };
    });
    const lookups = compiled.configuration.lookups.map((definition) => ({
      definition,
      transport: build(definition.transport.kind).lookup?.(definition.transport, { adapterId: definition.id, dataSource, clock }) as LookupTransport,
      mapping: mapping(definition.mapping.name),
    }));
    return new BridgeRuntime(adapters, lookups, demo, config.nodeEnv === 'test');
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

/**
 * The where-clause that keeps a department's integrator to its own adapters (every adapter for a
 * caller without a department). An adapter no longer configured belongs to no department.
 */
export function adaptersInScope(runtime: BridgeRuntime, department: string | undefined, adapterId?: string): { adapterId?: string | FindOperator<string> } {
  const allowed = department === undefined ? undefined : runtime.adapters.filter((a) => a.definition.department.code === department).map((a) => a.definition.id);
  // Another department's adapter matches nothing (In([]) is "0=1"); a NUL sentinel would reach PostgreSQL, which refuses it.
  if (adapterId) return { adapterId: allowed && !allowed.includes(adapterId) ? In([]) : adapterId };
  return allowed ? { adapterId: In(allowed) } : {};
}
