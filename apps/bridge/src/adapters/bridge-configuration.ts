import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  compileMapping,
  MappingSpecError,
  parseCodeTables,
  parseMappingSpec,
  SHARED_CODE_TABLES,
  validateCodeTables,
  type CodeTable,
  type CompiledMapping,
  type MappingSpec,
} from '@onewindow/mapping';
import { compileDocumentShape, describeSyntaxError, inDocumentOrder } from '@onewindow/domain';
import { parse as parseYaml } from 'yaml';
import {
  INBOUND_KINDS,
  LOOKUP_KEYS,
  type AdapterDefinition,
  type BridgeConfiguration,
  type InboundDefinition,
  type LookupDefinition,
  type OutboundDefinition,
  type SupplementDefinition,
  type TransportConfig,
} from './adapter-definition';
import { ADAPTERS_FILE_SCHEMA } from './adapters-file.schema';
import type { SettingProblem, TransportDirection, TransportKind } from './transport';

/** Refused configuration: every problem with its path in the file. */
export class BridgeConfigurationError extends Error {
  constructor(readonly problems: readonly SettingProblem[]) {
    super(`适配器配置不合规：\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'BridgeConfigurationError';
  }
}

/** A configuration whose mappings are compiled, ready to run. */
export interface CompiledConfiguration {
  configuration: BridgeConfiguration;
  /** By spec name. */
  mappings: Map<string, CompiledMapping>;
}

const checkShape = compileDocumentShape(ADAPTERS_FILE_SCHEMA);

const DIRECTION_NAMES: Readonly<Record<TransportDirection, string>> = { outbound: '发送', inbound: '接收', lookup: '查询' };

/**
 * Reads the adapter configuration file (YAML or JSON). A `mapping` (and `codeTables`) may be
 * inline or a path to a file relative to the configuration file.
 */
export function loadBridgeConfigurationFile(
  path: string,
  kinds: readonly TransportKind[],
  text = readFileSync(path, 'utf8'),
): CompiledConfiguration {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new BridgeConfigurationError([{ path, message: describeSyntaxError(error, 'YAML', text) }]);
  }
  return compileBridgeConfiguration(raw, kinds, (specPath) => readFileSync(resolve(dirname(path), specPath), 'utf8'));
}

/** Validates a configuration object, reads referenced specs and compiles every mapping; throws with every problem. */
export function compileBridgeConfiguration(
  raw: unknown,
  kinds: readonly TransportKind[],
  readSpec: (path: string) => string = () => {
    throw new Error('此处无法读取映射规则文件');
  },
): CompiledConfiguration {
  const problems: SettingProblem[] = checkShape(raw);
  const mappings = new Map<string, CompiledMapping>();
  const root = isRecord(raw) ? raw : {};
  const codeTables = [...SHARED_CODE_TABLES, ...departmentCodeTables(root['codeTables'], readSpec, problems)];

  const mapping = (value: unknown, path: string): MappingSpec | undefined => {
    let spec: MappingSpec;
    try {
      spec = parseMappingSpec(typeof value === 'string' ? readSpec(value) : JSON.stringify(value ?? null), { codeTables });
    } catch (error) {
      if (error instanceof MappingSpecError)
        problems.push(...error.problems.map((p) => ({ path: `${path}${p.path ? `.${p.path}` : ''}`, message: p.message })));
      else problems.push({ path, message: `映射规则无法读取：${(error as Error).message}` });
      return undefined;
    }
    try {
      if (mappings.has(spec.name)) problems.push({ path: `${path}.name`, message: `映射规则名称"${spec.name}"重复使用` });
      else mappings.set(spec.name, compileMapping(spec, { codeTables }));
    } catch (error) {
      if (error instanceof MappingSpecError)
        problems.push(...error.problems.map((p) => ({ path: `${path}.${p.path}`, message: p.message })));
      else throw error;
    }
    return spec;
  };

  const transport = (value: unknown, path: string, direction: TransportDirection): TransportConfig | undefined => {
    if (!isRecord(value) || typeof value['kind'] !== 'string') {
      problems.push({ path: `${path}.kind`, message: `必须写明传输方式：${kinds.map((k) => k.kind).join('、')}` });
      return undefined;
    }
    const kind = kinds.find((k) => k.kind === value['kind']);
    const supported = kind && (direction === 'outbound' ? kind.outbound : direction === 'inbound' ? kind.inbound : kind.lookup);
    if (!kind || !supported) {
      const usable = kinds
        .filter((k) => (direction === 'outbound' ? k.outbound : direction === 'inbound' ? k.inbound : k.lookup))
        .map((k) => k.kind);
      problems.push({
        path: `${path}.kind`,
        message: `"${String(value['kind'])}"不能用于${DIRECTION_NAMES[direction]}；请用 ${usable.join('、')}`,
      });
      return undefined;
    }
    problems.push(...kind.check(value, path, direction));
    return value as TransportConfig;
  };

  const adapters: AdapterDefinition[] = [];
  records(root['adapters']).forEach(([a, index]) => {
    const path = `adapters[${index}]`;
    const id = stringOf(a['id']);
    if (id && adapters.some((other) => other.id === id)) problems.push({ path: `${path}.id`, message: `对接系统标识"${id}"重复使用` });
    const department = isRecord(a['department']) ? a['department'] : {};
    const itemCodes = stringsOf(a['itemCodes']);
    let outbound: OutboundDefinition | undefined;
    if (a['outbound'] !== undefined) {
      const o = isRecord(a['outbound']) ? a['outbound'] : {};
      const t = transport(o['transport'], `${path}.outbound.transport`, 'outbound');
      const spec = mapping(o['mapping'], `${path}.outbound.mapping`);
      let supplement: SupplementDefinition | undefined;
      if (o['supplement'] !== undefined) {
        const spath = `${path}.outbound.supplement`;
        const sup = isRecord(o['supplement']) ? o['supplement'] : {};
        const supplementTransport = sup['transport'] === undefined ? t : transport(sup['transport'], `${spath}.transport`, 'outbound');
        const supplementSpec = mapping(sup['mapping'], `${spath}.mapping`);
        if (supplementTransport && supplementSpec) supplement = { transport: supplementTransport, mapping: supplementSpec };
      }
      const maxAttempts = typeof o['maxAttempts'] === 'number' ? o['maxAttempts'] : 5;
      const backoffMs = typeof o['backoffMs'] === 'number' ? o['backoffMs'] : 1000;
      if (t && spec) outbound = { transport: t, mapping: spec, maxAttempts, backoffMs, ...(supplement ? { supplement } : {}) };
    }
    const inbound: InboundDefinition[] = [];
    records(a['inbound']).forEach(([entry, i]) => {
      const ipath = `${path}.inbound[${i}]`;
      const t = transport(entry['transport'], `${ipath}.transport`, 'inbound');
      const spec = mapping(entry['mapping'], `${ipath}.mapping`);
      const kind = INBOUND_KINDS.find((known) => known === entry['kind']);
      if (t && spec && kind) inbound.push({ kind, transport: t, mapping: spec });
    });
    const name = stringOf(a['name']);
    const code = stringOf(department['code']);
    const departmentName = stringOf(department['name']);
    if (id && name && code && departmentName) {
      adapters.push({
        id,
        name,
        department: { code, name: departmentName },
        ...(itemCodes ? { itemCodes } : {}),
        ...(outbound ? { outbound } : {}),
        inbound,
      });
    }
  });

  const lookups: LookupDefinition[] = [];
  const lookupKeys = new Set<unknown>();
  records(root['lookups']).forEach(([l, index]) => {
    const path = `lookups[${index}]`;
    const key = LOOKUP_KEYS.find((known) => known === l['key']);
    if (lookupKeys.has(l['key'])) problems.push({ path: `${path}.key`, message: `按 ${String(l['key'])} 的查询重复配置` });
    lookupKeys.add(l['key']);
    const t = transport(l['transport'], `${path}.transport`, 'lookup');
    const spec = mapping(l['mapping'], `${path}.mapping`);
    const id = stringOf(l['id']);
    const source = stringOf(l['source']);
    if (id && source && t && spec && key) lookups.push({ id, source, key, transport: t, mapping: spec });
  });

  if (problems.length > 0) throw new BridgeConfigurationError(inDocumentOrder(problems, raw));
  return { configuration: { adapters, lookups }, mappings };
}

/**
 * The departments' own code tables, written once (a list, or a path to a YAML/JSON file of one)
 * and pinned by their specs with `ref` and `version`, beside the shared national tables.
 */
function departmentCodeTables(value: unknown, readSpec: (path: string) => string, problems: SettingProblem[]): CodeTable[] {
  if (value === undefined) return [];
  let tables: unknown = value;
  if (typeof value === 'string') {
    try {
      tables = parseCodeTables(readSpec(value));
    } catch (error) {
      if (error instanceof MappingSpecError)
        problems.push(
          ...error.problems.map((p) => ({ path: `codeTables${p.path.startsWith('[') ? '' : '.'}${p.path}`, message: p.message })),
        );
      else problems.push({ path: 'codeTables', message: `代码表无法读取：${(error as Error).message}` });
      return [];
    }
  }
  const found = validateCodeTables(tables);
  problems.push(...found.map((p) => ({ path: `codeTables${p.path}`, message: p.message })));
  return found.length === 0 ? (tables as CodeTable[]) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entries of a list that are objects, with their positions; anything else the schema has reported. */
function records(value: unknown): Array<[Record<string, unknown>, number]> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown, index) => (isRecord(entry) ? [[entry, index] as [Record<string, unknown>, number]] : []));
}

/** A usable text, or undefined where the schema has reported why not. */
function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function stringsOf(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((entry): entry is string => typeof entry === 'string') ? value : undefined;
}
