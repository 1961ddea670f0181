import { ApiProperty } from '@nestjs/swagger';

/** The running demo department systems (development and tests only). */
export class DemoSystemsView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: '市场监管局: its REST URL and the cases it received' })
  market!: object;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '卫健委: its outbox and inbox folders' })
  health!: object;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '住建局: its outbox, results and receipts folders' })
  construction!: object;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '消防: its database schema' })
  fire!: object;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '人社局: the address of its web application (no interface: reached by the browser adapter)',
  })
  socialInsurance!: object;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The shared data sources for auto-fill' })
  sharedData!: object;

  @ApiProperty({
    title: '适配器文件',
    description: 'The demo adapters file (written at start): edit it and reload (POST /adapters/reload)',
  })
  adaptersFile!: string;
}

/** A file the demo 住建局施工许可系统 received, read as its importer reads it. */
export class ReceivedDepartmentFileView {
  @ApiProperty({ description: 'File name' })
  name!: string;

  @ApiProperty({ description: 'Root element: SGXK_SQ application, SGXK_BZ supplement, …' })
  root!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The record in the system’s own fields' })
  record!: Record<string, unknown>;
}

/** A file the demo system wrote for the bridge to read. */
export class DepartmentFileWrittenView {
  @ApiProperty({ description: 'The file written' })
  file!: string;
}

/** One case in the demo 人社局社会保险经办系统's own store, in its own field names. */
export class SocialInsuranceCaseView {
  @ApiProperty({ description: '业务流水号: its own case number', example: 'RSCB37150200000001' })
  ywlsh!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '单位信息: tyshxydm, dwmc, fddbr, zsqh, zsdz, jbr, lxdh, ptbh (一窗受理编号)',
  })
  unit!: Record<string, string>;

  @ApiProperty({ type: [String], description: '参保险种 codes (110 养老, 310 医疗, 210 失业, 410 工伤, 510 生育)' })
  xz!: string[];

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: '参保人员: xm, sfzh, cbrq, jfgz' })
  staff!: Array<Record<string, string>>;

  @ApiProperty({ enum: ['受理中', '已办结', '不予受理'] })
  status!: '受理中' | '已办结' | '不予受理';

  @ApiProperty({ required: false, description: '参保登记证号' })
  djzh?: string;

  @ApiProperty({ required: false, description: '不予受理原因' })
  reason?: string;

  @ApiProperty({ required: false, description: '办结时间 (China time)' })
  bjsj?: string;

  @ApiProperty({ description: 'The account that typed it in' })
  operator!: string;
}
