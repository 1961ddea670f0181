import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CODE_TABLE_KEYS,
  CODE_TABLE_REFERENCE_KEYS,
  CONDITION_KEYS,
  DATE_KEYS,
  NUMBER_KEYS,
  RULE_KEYS,
  SPEC_KEYS,
} from './internal/resolve-spec';
import { UNITS } from './internal/decimal';
import { enterpriseRegistrationSpec } from './testing';

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  $defs?: Record<string, SchemaNode>;
  enum?: unknown[];
}

const schema = JSON.parse(readFileSync(join(__dirname, 'mapping-spec.schema.json'), 'utf8')) as SchemaNode;
const defs = schema.$defs as Record<string, SchemaNode>;
const keysOf = (node: SchemaNode | undefined) => Object.keys(node?.properties ?? {}).sort();

describe('mapping spec JSON Schema', () => {
  it('describes the same keys as the validator', () => {
    expect(keysOf(schema)).toEqual([...SPEC_KEYS].sort());
    expect(keysOf(defs['fieldRule'])).toEqual([...RULE_KEYS].sort());
    expect(keysOf(defs['condition'])).toEqual([...CONDITION_KEYS].sort());
    expect(keysOf(defs['date'])).toEqual([...DATE_KEYS].sort());
    expect(keysOf(defs['number'])).toEqual([...NUMBER_KEYS].sort());
    expect(keysOf(defs['codeTable'])).toEqual([...CODE_TABLE_KEYS].sort());
    expect(keysOf(defs['codeTableReference'])).toEqual([...CODE_TABLE_REFERENCE_KEYS].sort());
    expect(defs['unit']?.enum).toEqual(Object.keys(UNITS));
  });

  it('knows every key the sample spec uses', () => {
    const spec = enterpriseRegistrationSpec();
    const ruleKeys = new Set(keysOf(defs['fieldRule']));
    for (const field of spec.fields) for (const key of Object.keys(field)) expect(ruleKeys).toContain(key);
  });
});
