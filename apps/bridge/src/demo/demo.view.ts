import { ApiProperty } from '@nestjs/swagger';

/** The running demo department systems (development and tests only). */
export class DemoSystemsView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: '市场监管局: its REST URL and the cases it received' })
  market!: object;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '卫健委: its outbox and inbox folders' })
  health!: object;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '消防: its database schema' })
  fire!: object;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The shared data sources for auto-fill' })
  sharedData!: object;
}
