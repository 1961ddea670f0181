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

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The shared data sources for auto-fill' })
  sharedData!: object;
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
