/**
 * Test and benchmark fixtures: a realistic 市场监管局 enterprise registration record, its mapping
 * spec, the expected platform JSON and the same mapping written by hand. They read files next
 * to this module, so they are not part of the library's index.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_CODE_TABLES } from './code-tables';
import type { CodeTable, MappingSpec } from './mapping-spec';
import { parseMappingSpec } from './parse-spec';
import type { DepartmentEnterpriseRecord } from './testing/enterprise-registration.by-hand';

export { mapEnterpriseRegistrationByHand, type DepartmentEnterpriseRecord } from './testing/enterprise-registration.by-hand';

const directory = join(__dirname, 'testing');

export const ENTERPRISE_REGISTRATION_SPEC_FILE = join(directory, 'enterprise-registration.mapping.yaml');
export const ENTERPRISE_REGISTRATION_SAMPLE_FILE = join(directory, 'enterprise-registration.sample.json');
export const ENTERPRISE_REGISTRATION_EXPECTED_FILE = join(directory, 'enterprise-registration.expected.json');

/**
 * 住建局工程类别: several platform project types filed under one department code (多对一), each
 * shared code naming the type it maps back to.
 */
export const CONSTRUCTION_CATEGORIES: CodeTable = {
  name: '住建局工程类别',
  version: '2025.1',
  entries: [
    { code: 'housing', label: '01', reverse: true },
    { code: 'public-building', label: '01' },
    { code: 'municipal-road', label: '02', reverse: true },
    { code: 'municipal-bridge', label: '02' },
    { code: 'decoration', label: '03' },
  ],
};

/** The code tables the enterprise registration spec needs besides its inline ones. */
export const ENTERPRISE_REGISTRATION_CODE_TABLES: readonly CodeTable[] = SHARED_CODE_TABLES;

export function enterpriseRegistrationSpecText(): string {
  return readFileSync(ENTERPRISE_REGISTRATION_SPEC_FILE, 'utf8');
}

export function enterpriseRegistrationSpec(): MappingSpec {
  return parseMappingSpec(enterpriseRegistrationSpecText(), { codeTables: ENTERPRISE_REGISTRATION_CODE_TABLES });
}

/** A fresh copy each call, so a test may change it. */
export function enterpriseRegistrationSample(): DepartmentEnterpriseRecord {
  return JSON.parse(readFileSync(ENTERPRISE_REGISTRATION_SAMPLE_FILE, 'utf8')) as DepartmentEnterpriseRecord;
}

export function enterpriseRegistrationExpected(): Record<string, unknown> {
  return JSON.parse(readFileSync(ENTERPRISE_REGISTRATION_EXPECTED_FILE, 'utf8')) as Record<string, unknown>;
}
