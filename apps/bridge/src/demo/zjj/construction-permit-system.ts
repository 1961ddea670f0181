import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCodeTables, parseMappingSpec, SHARED_CODE_TABLES, type CodeTable, type MappingSpec } from '@onewindow/mapping';

/**
 * The demo 住建局施工许可系统 (DCF-ZJJ): a department system that exchanges XML files in GBK with
 * its own code tables, connected with configuration and the mapping specs in this folder only —
 * what an integrator writes for an unseen system. The files here are also what the mapping CLI
 * is tried on (docs/connect-a-department-system.md).
 */
export const CONSTRUCTION_PERMIT_FILES = {
  codeTables: join(__dirname, 'dcf-zjj.code-tables.yaml'),
  outbound: join(__dirname, 'sgxk-outbound.mapping.yaml'),
  supplement: join(__dirname, 'sgxk-supplement.mapping.yaml'),
  result: join(__dirname, 'sgxk-result.mapping.yaml'),
  acknowledgement: join(__dirname, 'sgxk-acknowledgement.mapping.yaml'),
} as const;

/** Root elements of its files: the application it imports, a supplement, its result, its 受理回执. */
export const CONSTRUCTION_PERMIT_ROOTS = { application: 'SGXK_SQ', supplement: 'SGXK_BZ', result: 'SGXK_JG', acknowledgement: 'SGXK_HZ' } as const;

export interface ConstructionPermitSpecs {
  codeTables: CodeTable[];
  outbound: MappingSpec;
  supplement: MappingSpec;
  result: MappingSpec;
  acknowledgement: MappingSpec;
}

export function constructionPermitSpecs(): ConstructionPermitSpecs {
  const codeTables = parseCodeTables(readFileSync(CONSTRUCTION_PERMIT_FILES.codeTables, 'utf8'));
  const options = { codeTables: [...SHARED_CODE_TABLES, ...codeTables] };
  const spec = (path: string) => parseMappingSpec(readFileSync(path, 'utf8'), options);
  return {
    codeTables,
    outbound: spec(CONSTRUCTION_PERMIT_FILES.outbound),
    supplement: spec(CONSTRUCTION_PERMIT_FILES.supplement),
    result: spec(CONSTRUCTION_PERMIT_FILES.result),
    acknowledgement: spec(CONSTRUCTION_PERMIT_FILES.acknowledgement),
  };
}
