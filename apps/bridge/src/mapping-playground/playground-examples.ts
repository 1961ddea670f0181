import { readFileSync } from 'node:fs';
import * as iconv from 'iconv-lite';
import type { FileEncoding, MappingSpec, SampleFormat } from '@onewindow/mapping';
import { stringify } from 'yaml';
import { SCJGJ_RESULT, WJW_RESULT, XFJY_SUPERVISION_RECORD } from '../demo/demo-mappings';
import { CONSTRUCTION_PERMIT_FILES, CONSTRUCTION_PERMIT_ROOTS } from '../demo/zjj/construction-permit-system';

/** A demo department system's real sample with the spec its adapter maps it with: a start for the playground. */
export interface PlaygroundExample {
  id: string;
  title: string;
  format: SampleFormat;
  encoding: FileEncoding;
  xmlRoot?: string;
  xmlArrays?: string[];
  /** The sample as text (what the page shows and edits). */
  sampleText: string;
  /** The sample's exact bytes in its encoding, base64. */
  sampleBase64: string;
  specText: string;
  codeTablesText?: string;
}

// The demo systems' samples, the same as their golden files in ../demo/testing (a unit test keeps them equal byte for byte).
const MARKET_RESULT =
  '{\n  "BJJG": {\n    "JGBH": "SCJG-JG-2026-000321",\n    "PTBJBH": "5f0c2a8e-3b1d-4c7e-9a21-6d8f0e4b7c13",\n    "BJJGDM": "1",\n    "BJSJ": "2026-03-06 10:30:00",\n    "ZZBH": "91350100M000100Y43",\n    "YXQZ": "",\n    "JYFW": "餐饮服务；食品销售；外卖递送服务",\n    "BYXKYY": "",\n    "FLYJ": ""\n  }\n}\n';
const HEALTH_RESULT_GBK =
  '<?xml version="1.0" encoding="GBK"?>\n<WSXK_JG>\n  <JGBH>WJW-WSXK-2026-0087</JGBH>\n  <PTBH>5f0c2a8e-3b1d-4c7e-9a21-6d8f0e4b7c13</PTBH>\n  <SPJL>准予许可</SPJL>\n  <PZSJ>20260306153000</PZSJ>\n  <XKZH>鲁卫公证字〔2026〕第371502-0087号</XKZH>\n  <YXQZ>20300305</YXQZ>\n  <XKXM>住宿场所；美容美发场所</XKXM>\n  <BYXKLY/>\n  <YJ>《公共场所卫生管理条例》第八条</YJ>\n</WSXK_JG>\n';
const CONSTRUCTION_RESULT_GBK =
  '<?xml version="1.0" encoding="GBK"?>\n<SGXK_JG>\n  <JGBH>SGXK-JG-2026-00317</JGBH>\n  <SLBH>YC20261207000058</SLBH>\n  <SXBM>DCF-ZJ-XK-012</SXBM>\n  <BJBH></BJBH>\n  <BLJG>1</BLJG>\n  <BJSJ>20261209153000</BJSJ>\n  <SGXKZH>371502202612090101</SGXKZH>\n  <BYXKYY/>\n  <FLYJ/>\n</SGXK_JG>\n';
const FIRE_PENALTY =
  '{\n  "id": "8",\n  "cfbh": "XF-CF-2026-0012",\n  "jllx": "CF",\n  "dwmc": "聊城市东昌府区鲁西餐饮有限公司",\n  "tyshxydm": "91350100M000100Y43",\n  "cfsy": "消防安全检查不合格（疏散通道堵塞）",\n  "wsh": "东消行罚决字〔2026〕0012号",\n  "cfnr": "罚款人民币伍仟元，责令限期改正",\n  "cfrq": "20260302",\n  "jzrq": null,\n  "zt": "有效"\n}\n';

const specYaml = (spec: MappingSpec): string => stringify(spec, { lineWidth: 0 });

function example(fields: Omit<PlaygroundExample, 'sampleBase64'>): PlaygroundExample {
  const bytes = fields.encoding === 'utf-8' ? Buffer.from(fields.sampleText, 'utf8') : iconv.encode(fields.sampleText, fields.encoding);
  return { ...fields, sampleBase64: bytes.toString('base64') };
}

/** The demo adapters' real sample and spec pairs: JSON over HTTP, GBK XML files with and without the department's own code tables, a database row. */
export function playgroundExamples(): PlaygroundExample[] {
  return [
    example({
      id: 'scjgj-result',
      title: '市场监管局企业登记系统 · 办理结果（JSON）',
      format: 'json',
      encoding: 'utf-8',
      sampleText: MARKET_RESULT,
      specText: specYaml(SCJGJ_RESULT),
    }),
    example({
      id: 'wjw-result',
      title: '卫健委卫生许可系统 · 结果文件（XML，GBK）',
      format: 'xml',
      encoding: 'gbk',
      xmlRoot: 'WSXK_JG',
      sampleText: HEALTH_RESULT_GBK,
      specText: specYaml(WJW_RESULT),
    }),
    example({
      id: 'zjj-result',
      title: '住建局施工许可系统 · 办理结果文件（XML，GBK，部门代码表）',
      format: 'xml',
      encoding: 'gbk',
      xmlRoot: CONSTRUCTION_PERMIT_ROOTS.result,
      xmlArrays: ['BZCL.CL'],
      sampleText: CONSTRUCTION_RESULT_GBK,
      specText: readFileSync(CONSTRUCTION_PERMIT_FILES.result, 'utf8'),
      codeTablesText: readFileSync(CONSTRUCTION_PERMIT_FILES.codeTables, 'utf8'),
    }),
    example({
      id: 'xfjy-penalty',
      title: '消防监督检查系统 · 处罚记录（数据库行）',
      format: 'json',
      encoding: 'utf-8',
      sampleText: FIRE_PENALTY,
      specText: specYaml(XFJY_SUPERVISION_RECORD),
    }),
  ];
}
