import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  decodeRecordFile,
  encodeRecordFile,
  parseCodeTables,
  parseMappingSpec,
  SHARED_CODE_TABLES,
  type CodeTable,
  type MappingSpec,
} from '@onewindow/mapping';

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
export const CONSTRUCTION_PERMIT_ROOTS = {
  application: 'SGXK_SQ',
  supplement: 'SGXK_BZ',
  result: 'SGXK_JG',
  acknowledgement: 'SGXK_HZ',
} as const;

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

/** Element paths of its files that are lists even with one element. */
const LISTS = ['CLQD.CL', 'TBLY.LM', 'BZCL.CL', 'GZLM.LM'];

/** A file the 住建局 system received from the bridge, read as its importer reads it. */
export interface ConstructionPermitFile {
  name: string;
  root: string;
  record: Record<string, unknown>;
}

export interface ConstructionPermitSystem {
  outbox: string;
  results: string;
  receipts: string;
  /** What it received, oldest name first; those of one application when a number is given. */
  received(applicationNumber?: string): Promise<ConstructionPermitFile[]>;
  /** It writes a result (SGXK_JG) or a 受理回执 (SGXK_HZ) as its own software does: GBK, a temporary name, then renamed. */
  write(kind: 'result' | 'acknowledgement', record: Record<string, unknown>): Promise<string>;
}

/** The simulated system's folders, and the two things it does besides importing: answering and listing. */
export async function startConstructionPermitSystem(folder: string): Promise<ConstructionPermitSystem> {
  const outbox = join(folder, 'to-zjj');
  const results = join(folder, 'from-zjj', 'results');
  const receipts = join(folder, 'from-zjj', 'receipts');
  await Promise.all([outbox, results, receipts].map((path) => mkdir(path, { recursive: true })));
  return {
    outbox,
    results,
    receipts,
    async received(applicationNumber) {
      const names = (await readdir(outbox))
        .filter((name) => name.endsWith('.xml') && (!applicationNumber || name.startsWith(`${applicationNumber}-`)))
        .sort();
      const files: ConstructionPermitFile[] = [];
      for (const name of names) {
        const bytes = await readFile(join(outbox, name));
        const root =
          Object.values(CONSTRUCTION_PERMIT_ROOTS).find((candidate) => bytes.includes(Buffer.from(`<${candidate}>`, 'latin1'))) ?? '';
        const { decoded } = decodeRecordFile(bytes, { format: 'xml', encoding: 'gbk', xmlArrays: LISTS });
        if (decoded.ok) files.push({ name, root, record: decoded.records[0] as Record<string, unknown> });
      }
      return files;
    },
    async write(kind, record) {
      const [target, root] =
        kind === 'result' ? [results, CONSTRUCTION_PERMIT_ROOTS.result] : [receipts, CONSTRUCTION_PERMIT_ROOTS.acknowledgement];
      const name = `${root}-${randomUUID()}.xml`;
      await writeFile(join(target, `.${name}.part`), encodeRecordFile([record], { format: 'xml', encoding: 'gbk', xmlRoot: root }));
      await rename(join(target, `.${name}.part`), join(target, name));
      return name;
    },
  };
}
