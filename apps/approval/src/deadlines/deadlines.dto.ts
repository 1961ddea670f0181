import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate } from '@onewindow/platform';
import { SPECIAL_PROCEDURES, type SpecialProcedure } from './deadline-ledger';

export class SuspendCaseDto {
  @ApiProperty({
    title: '特别程序',
    enum: SPECIAL_PROCEDURES.filter((p) => p !== 'supplement'),
    description: '听证 hearing, 现场勘察 site-inspection, 检验检测 testing, 专家评审 expert-review',
  })
  @IsIn(SPECIAL_PROCEDURES.filter((p) => p !== 'supplement'), {
    message: '特别程序只能是听证、现场勘察、检验检测或专家评审（补正请用退回补正）',
  })
  procedure!: Exclude<SpecialProcedure, 'supplement'>;

  @ApiPropertyOptional({ title: '开始日期', description: '开始日期，默认今天', example: '2026-03-05' })
  @IsOptional()
  @IsCalendarDate()
  startOn?: string;

  @ApiProperty({ title: '理由', description: '告知申请人的理由', example: '申请人提出听证申请，依法组织听证' })
  @IsString({ message: '理由必须是文字' })
  @MinLength(2, { message: '请写明中止计时的理由' })
  @MaxLength(1000, { message: '理由不能超过1000字' })
  reason!: string;
}

export class ResumeCaseDto {
  @ApiPropertyOptional({ title: '结束日期', description: '特别程序的最后一天，默认今天', example: '2026-03-06' })
  @IsOptional()
  @IsCalendarDate()
  endOn?: string;
}

export class RequestExtensionDto {
  @ApiProperty({ title: '延长的工作日数', description: '延长的工作日数', example: 10 })
  @IsInt({ message: '延长天数必须是整数' })
  @Min(1, { message: '延长天数至少1个工作日' })
  @Max(60, { message: '延长天数不能超过60个工作日' })
  workingDays!: number;

  @ApiProperty({ title: '延期理由', description: '延期理由', example: '涉及多个部门会商，需延长审查期限' })
  @IsString({ message: '理由必须是文字' })
  @MinLength(2, { message: '请写明延期理由' })
  @MaxLength(1000, { message: '理由不能超过1000字' })
  reason!: string;
}

export class ReviewExtensionDto {
  @ApiProperty({ title: '是否同意延期', description: 'true 同意延期 / false 不同意' })
  @IsBoolean({ message: '请选择同意或不同意' })
  approve!: boolean;

  @ApiPropertyOptional({ title: '审批意见', description: '审批意见（不同意时必填）' })
  @IsOptional()
  @IsString({ message: '意见必须是文字' })
  @MaxLength(1000, { message: '意见不能超过1000字' })
  note?: string;
}

export class GreenChannelDto {
  @ApiProperty({ title: '列入绿色通道的理由', description: '列入绿色通道的理由', example: '市级重点项目：东昌府区智能制造产业园一期' })
  @IsString({ message: '理由必须是文字' })
  @MinLength(2, { message: '请写明列入绿色通道的理由' })
  @MaxLength(500, { message: '理由不能超过500字' })
  reason!: string;
}
