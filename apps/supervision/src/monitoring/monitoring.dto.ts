import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, DEADLINE_COLOURS, LEVELS } from '@onewindow/contracts';
import { PageQuery } from '@onewindow/platform';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { KPI_DIMENSIONS, type KpiDimension } from './kpis';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class MonitoringCasesQuery extends PageQuery {
  @ApiPropertyOptional({ title: '办件状态', enum: ['open', 'approved', 'refused'] })
  @IsOptional()
  @IsIn(['open', 'approved', 'refused'], { message: '办件状态只能是open、approved或refused' })
  status?: 'open' | 'approved' | 'refused';

  @ApiPropertyOptional({ title: '红绿灯', enum: DEADLINE_COLOURS })
  @IsOptional()
  @IsIn(DEADLINE_COLOURS, { message: '红绿灯颜色只能是green、yellow或red' })
  colour?: 'green' | 'yellow' | 'red';

  @ApiPropertyOptional({ title: '部门代码', example: 'DCF-SCJGJ' })
  @IsOptional()
  @IsString({ message: '部门代码格式不正确' })
  @Length(1, 40, { message: '部门代码长度应为1到40个字符' })
  department?: string;
}

export class OverdueQuery extends PageQuery {
  @ApiPropertyOptional({ title: '部门代码', example: 'DCF-SCJGJ' })
  @IsOptional()
  @IsString({ message: '部门代码格式不正确' })
  @Length(1, 40, { message: '部门代码长度应为1到40个字符' })
  department?: string;
}

export class KpiQuery {
  @ApiPropertyOptional({ title: '分组维度', enum: KPI_DIMENSIONS, description: '分组维度：部门、事项、层级、渠道、月份' })
  @IsOptional()
  @IsIn(KPI_DIMENSIONS, { message: `分组维度只能是${KPI_DIMENSIONS.join('、')}` })
  groupBy?: KpiDimension;

  @ApiPropertyOptional({ title: '部门代码', example: 'DCF-SCJGJ' })
  @IsOptional()
  @IsString({ message: '部门代码格式不正确' })
  @Length(1, 40, { message: '部门代码长度应为1到40个字符' })
  department?: string;

  @ApiPropertyOptional({ title: '事项编码', example: 'DCF-SCJG-XK-001' })
  @IsOptional()
  @IsString({ message: '事项编码格式不正确' })
  @Length(1, 64, { message: '事项编码长度应为1到64个字符' })
  itemCode?: string;

  @ApiPropertyOptional({ title: '层级', enum: LEVELS })
  @IsOptional()
  @IsIn(LEVELS, { message: '层级只能是district、town或village' })
  level?: string;

  @ApiPropertyOptional({ title: '渠道', enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, { message: `渠道只能是${CHANNELS.join('、')}` })
  channel?: string;

  @ApiPropertyOptional({ title: '起始月份', description: '起始月份 YYYY-MM（含）', example: '2026-03' })
  @IsOptional()
  @Matches(MONTH, { message: '起始月份格式应为YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ title: '截止月份', description: '截止月份 YYYY-MM（含）', example: '2026-03' })
  @IsOptional()
  @Matches(MONTH, { message: '截止月份格式应为YYYY-MM' })
  to?: string;
}

export class ReportParams {
  @ApiProperty({ title: '统计月份', description: '统计月份 YYYY-MM', example: '2026-03' })
  @Matches(MONTH, { message: '月份格式应为YYYY-MM' })
  month!: string;
}

export class ReportQuery {
  @ApiPropertyOptional({ title: '部门代码', description: '部门代码（管理人员必填；部门人员默认为本部门）', example: 'DCF-SCJGJ' })
  @IsOptional()
  @IsString({ message: '部门代码格式不正确' })
  @Length(1, 40, { message: '部门代码长度应为1到40个字符' })
  department?: string;
}
