import { INBOUND_KINDS, LOOKUP_KEYS } from './adapter-definition';

const TEXT = { type: 'string', pattern: '\\S', 'x-message': '必须是非空字符串' };
const ID = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,62}$', 'x-message': '只能由小写字母、数字和连字符组成' };
const LIST = { type: 'array', 'x-message': '必须是列表' };
const integer = (minimum: number, maximum: number) => ({
  type: 'integer',
  minimum,
  maximum,
  'x-message': `必须是 ${minimum} 到 ${maximum} 的整数`,
});
const oneOf = (values: readonly string[]) => ({ enum: [...values], 'x-message': `必须是 ${values.join('、')} 之一` });
/** Each transport kind checks its own settings (a new kind brings its own); here only that `kind` is named. */
const TRANSPORT = { type: 'object', description: '传输方式及其设置：kind 为 http、webhook、file、table、browser 之一，其余为该方式的设置' };
/** A mapping spec, inline or the path of its file (`libs/mapping/src/mapping-spec.schema.json` describes it). */
const MAPPING = { type: ['object', 'string'], 'x-message': '必须是映射规则，或映射规则文件的路径' };

/**
 * The adapters file's shape (对接系统配置, `BRIDGE_ADAPTERS_FILE`), JSON Schema 2020-12: what start-up
 * and `POST /adapters/reload` check a file against, and what an editor validates one with
 * (`GET /adapters/schema`). Ids unique, transports usable in their direction with their settings,
 * mapping specs and code tables are checked after it by `compileBridgeConfiguration`.
 */
export const ADAPTERS_FILE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://onewindow.example/schemas/adapters-file.schema.json',
  title: '对接系统配置文件',
  type: 'object',
  'x-message': '必须是对象，包含 adapters 和 lookups',
  // A misspelt key is refused, never skipped: an adapter whose "outbund" went unread would send nothing.
  additionalProperties: false,
  properties: {
    codeTables: {
      type: ['array', 'string'],
      description: '部门自有代码表：列表，或代码表文件的路径',
      'x-message': '必须是代码表列表，或代码表文件的路径',
    },
    adapters: { ...LIST, items: { $ref: '#/$defs/adapter' } },
    lookups: { ...LIST, items: { $ref: '#/$defs/lookup' } },
  },
  $defs: {
    adapter: {
      type: 'object',
      'x-message': '对接系统必须是一个对象',
      required: ['id', 'name', 'department'],
      additionalProperties: false,
      properties: {
        id: ID,
        name: TEXT,
        department: {
          type: 'object',
          required: ['code', 'name'],
          additionalProperties: false,
          properties: { code: TEXT, name: TEXT },
          'x-message': '必须写明部门 { code, name }',
        },
        itemCodes: { type: 'array', items: { type: 'string' }, 'x-message': '必须是事项编码列表' },
        outbound: {
          type: 'object',
          'x-message': '必须是 { transport, mapping }',
          additionalProperties: false,
          properties: {
            transport: TRANSPORT,
            mapping: MAPPING,
            maxAttempts: integer(1, 50),
            backoffMs: integer(10, 3_600_000),
            supplement: {
              type: 'object',
              'x-message': '必须是 { mapping, transport? }',
              additionalProperties: false,
              properties: { transport: TRANSPORT, mapping: MAPPING },
            },
          },
        },
        inbound: {
          ...LIST,
          items: {
            type: 'object',
            'x-message': '必须是 { kind, transport, mapping }',
            required: ['kind'],
            additionalProperties: false,
            properties: { kind: oneOf(INBOUND_KINDS), transport: TRANSPORT, mapping: MAPPING },
          },
        },
      },
    },
    lookup: {
      type: 'object',
      'x-message': '查询必须是一个对象',
      required: ['id', 'source', 'key'],
      additionalProperties: false,
      properties: { id: ID, source: TEXT, key: oneOf(LOOKUP_KEYS), transport: TRANSPORT, mapping: MAPPING },
    },
  },
} as const;
