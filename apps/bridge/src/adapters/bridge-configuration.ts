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

const ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

const DIRECTION_NAMES: Readonly<Record<TransportDirection, string>> = { outbound: '发送', inbound: '接收', lookup: '查询' };

/**
 * Reads the adapter configuration file (YAML or JSON). A `mapping` (and `codeTables`) may be
 * inline or a path to a file relative to the configuration file.
 */
export function loadBridgeConfigurationFile(path: string, kinds: readonly TransportKind[], text = readFileSync(path, 'utf8')): CompiledConfiguration {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new BridgeConfigurationError([{ path, message: `不是合规的 YAML 或 JSON：${(error as Error).message}` }]);
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
  const problems: SettingProblem[] = [];
  const mappings = new Map<string, CompiledMapping>();
  const root = isRecord(raw) ? raw : {};
  if (!isRecord(raw)) problems.push({ path: '', message: '必须是对象，包含 adapters 和 lookups' });
  const codeTables = [...SHARED_CODE_TABLES, ...departmentCodeTables(root['codeTables'], readSpec, problems)];

  const mapping = (value: unknown, path: string): MappingSpec | undefined => {
    let spec: MappingSpec;
    try {
      spec = parseMappingSpec(typeof value === 'string' ? readSpec(value) : JSON.stringify(value ?? null), { codeTables });
    } catch (error) {
      if (error instanceof MappingSpecError) problems.push(...error.problems.map((p) => ({ path: `${path}${p.path ? `.${p.path}` : ''}`, message: p.message })));
      else problems.push({ path, message: `映射规则无法读取：${(error as Error).message}` });
      return undefined;
    }
    try {
      if (mappings.has(spec.name)) problems.push({ path: `${path}.name`, message: `映射规则名称"${spec.name}"重复使用` });
      else mappings.set(spec.name, compileMapping(spec, { codeTables }));
    } catch (error) {
      if (error instanceof MappingSpecError) problems.push(...error.problems.map((p) => ({ path: `${path}.${p.path}`, message: p.message })));
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
      const usable = kinds.filter((k) => (direction === 'outbound' ? k.outbound : direction === 'inbound' ? k.inbound : k.lookup)).map((k) => k.kind);
      problems.push({ path: `${path}.kind`, message: `"${String(value['kind'])}"不能用于${DIRECTION_NAMES[direction]}；请用 ${usable.join('、')}` });
      return undefined;
    }
    problems.push(...kind.check(value, path, direction));
    return value as TransportConfig;
  };

  const adapters: AdapterDefinition[] = [];
  const adapterList = root['adapters'] ?? [];
  if (!Array.isArray(adapterList)) problems.push({ path: 'adapters', message: '必须是列表' });
  (Array.isArray(adapterList) ? adapterList : []).forEach((entry: unknown, index) => {
    const path = `adapters[${index}]`;
    const a = isRecord(entry) ? entry : {};
    const id = text(a['id'], `${path}.id`, problems, ID, '只能由小写字母、数字和连字符组成');
    if (id && adapters.some((other) => other.id === id)) problems.push({ path: `${path}.id`, message: `对接系统标识"${id}"重复使用` });
    const name = text(a['name'], `${path}.name`, problems);
    const department = isRecord(a['department']) ? a['department'] : {};
    const code = text(department['code'], `${path}.department.code`, problems);
    const departmentName = text(department['name'], `${path}.department.name`, problems);
    const itemCodes = a['itemCodes'];
    if (itemCodes !== undefined && (!Array.isArray(itemCodes) || itemCodes.some((c) => typeof c !== 'string'))) {
      problems.push({ path: `${path}.itemCodes`, message: '必须是事项编码列表' });
    }
    let outbound: OutboundDefinition | undefined;
    if (a['outbound'] !== undefined) {
      const o = isRecord(a['outbound']) ? a['outbound'] : {};
      const t = transport(o['transport'], `${path}.outbound.transport`, 'outbound');
      const spec = mapping(o['mapping'], `${path}.outbound.mapping`);
      const maxAttempts = integer(o['maxAttempts'], `${path}.outbound.maxAttempts`, problems, 1, 50) ?? 5;
      const backoffMs = integer(o['backoffMs'], `${path}.outbound.backoffMs`, problems, 10, 3_600_000) ?? 1000;
      let supplement: SupplementDefinition | undefined;
      if (o['supplement'] !== undefined) {
        const spath = `${path}.outbound.supplement`;
        const sup = isRecord(o['supplement']) ? o['supplement'] : {};
        if (!isRecord(o['supplement'])) problems.push({ path: spath, message: '必须是 { mapping, transport? }' });
        const supplementTransport = sup['transport'] === undefined ? t : transport(sup['transport'], `${spath}.transport`, 'outbound');
        const supplementSpec = mapping(sup['mapping'], `${spath}.mapping`);
        if (supplementTransport && supplementSpec) supplement = { transport: supplementTransport, mapping: supplementSpec };
      }
      if (t && spec) outbound = { transport: t, mapping: spec, maxAttempts, backoffMs, ...(supplement ? { supplement } : {}) };
    }
    const inbound: InboundDefinition[] = [];
    const inboundList = a['inbound'] ?? [];
    if (!Array.isArray(inboundList)) problems.push({ path: `${path}.inbound`, message: '必须是列表' });
    (Array.isArray(inboundList) ? inboundList : []).forEach((value: unknown, i) => {
      const ipath = `${path}.inbound[${i}]`;
      const entryValue = isRecord(value) ? value : {};
      const kind = entryValue['kind'];
      if (!INBOUND_KINDS.includes(kind as never)) problems.push({ path: `${ipath}.kind`, message: `必须是 ${INBOUND_KINDS.join('、')} 之一` });
      const t = transport(entryValue['transport'], `${ipath}.transport`, 'inbound');
      const spec = mapping(entryValue['mapping'], `${ipath}.mapping`);
      if (t && spec && INBOUND_KINDS.includes(kind as never)) inbound.push({ kind: kind as InboundDefinition['kind'], transport: t, mapping: spec });
    });
    if (id && name && code && departmentName) {
      adapters.push({
        id,
        name,
        department: { code, name: departmentName },
        ...(Array.isArray(itemCodes) ? { itemCodes: itemCodes as string[] } : {}),
        ...(outbound ? { outbound } : {}),
        inbound,
      });
    }
  });

  const lookups: LookupDefinition[] = [];
  const lookupList = root['lookups'] ?? [];
  if (!Array.isArray(lookupList)) problems.push({ path: 'lookups', message: '必须是列表' });
  (Array.isArray(lookupList) ? lookupList : []).forEach((entry: unknown, index) => {
    const path = `lookups[${index}]`;
    const l = isRecord(entry) ? entry : {};
    const id = text(l['id'], `${path}.id`, problems, ID, '只能由小写字母、数字和连字符组成');
    const source = text(l['source'], `${path}.source`, problems);
    const key = l['key'];
    if (!LOOKUP_KEYS.includes(key as never)) problems.push({ path: `${path}.key`, message: `必须是 ${LOOKUP_KEYS.join('、')} 之一` });
    if (lookups.some((other) => other.key === key)) problems.push({ path: `${path}.key`, message: `按 ${String(key)} 的查询重复配置` });
    const t = transport(l['transport'], `${path}.transport`, 'lookup');
    const spec = mapping(l['mapping'], `${path}.mapping`);
    if (id && source && t && spec && LOOKUP_KEYS.includes(key as never)) lookups.push({ id, source, key: key as LookupDefinition['key'], transport: t, mapping: spec });
  });

  if (problems.length > 0) throw new BridgeConfigurationError(problems);
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
      if (error instanceof MappingSpecError) problems.push(...error.problems.map((p) => ({ path: `codeTables${p.path.startsWith('[') ? '' : '.'}${p.path}`, message: p.message })));
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

function text(value: unknown, path: string, problems: SettingProblem[], pattern?: RegExp, hint = '必须是非空字符串'): string | undefined {
  if (typeof value !== 'string' || value.trim() === '' || (pattern && !pattern.test(value))) {
    problems.push({ path, message: hint });
    return undefined;
  }
  return value;
}

function integer(value: unknown, path: string, problems: SettingProblem[], min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    problems.push({ path, message: `必须是 ${min} 到 ${max} 的整数` });
    return undefined;
  }
  return value;
}
