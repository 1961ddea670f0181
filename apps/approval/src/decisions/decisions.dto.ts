import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '@onewindow/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, Length, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class DecideCaseDto {
  @ApiProperty({ title: '决定', enum: ['approved', 'refused'], description: 'approved 准予许可 / refused 不予许可' })
  @IsIn(['approved', 'refused'], { message: '决定只能是准予许可(approved)或不予许可(refused)' })
  outcome!: 'approved' | 'refused';

  @ApiPropertyOptional({ title: '理由', description: '不予许可的理由（不予许可时必填）' })
  @IsOptional()
  @IsString({ message: '理由必须是文字' })
  @MaxLength(1000, { message: '理由不能超过1000字' })
  reason?: string;

  @ApiPropertyOptional({ title: '法律依据', description: '法律依据（不予许可时必填）', example: '《中华人民共和国行政许可法》第三十八条' })
  @IsOptional()
  @IsString({ message: '法律依据必须是文字' })
  @MaxLength(500, { message: '法律依据不能超过500字' })
  legalBasis?: string;

  @ApiPropertyOptional({
    title: '许可范围',
    description: '许可范围（准予许可时）',
    example: '预包装食品销售（含冷藏冷冻食品）；热食类食品制售',
  })
  @IsOptional()
  @IsString({ message: '许可范围必须是文字' })
  @MaxLength(1000, { message: '许可范围不能超过1000字' })
  scope?: string;

  @ApiPropertyOptional({ title: '有效期至', description: '有效期至 YYYY-MM-DD', example: '2031-03-04' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;
}

export class CreditOverrideDto {
  @ApiProperty({ title: '理由', description: '对失信申请人准予许可的理由', example: '信用修复已完成，修复决定书编号东信修〔2026〕3号' })
  @IsString({ message: '理由必须是文字' })
  @MaxLength(1000, { message: '理由不能超过1000字' })
  reason!: string;
}

export class DecisionWithOverrideDto extends DecideCaseDto {
  @ApiPropertyOptional({
    title: '失信申请人准予许可的说明',
    type: CreditOverrideDto,
    description: '申请人列入失信名单时，准予许可须确认并说明理由',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreditOverrideDto)
  creditOverride?: CreditOverrideDto;
}

export class RequestedMaterialDto {
  @ApiProperty({ title: '事项编码', example: 'DCF-SCJG-XK-002' })
  @IsString()
  @Length(1, 64, { message: '事项编码长度为1至64个字符' })
  itemCode!: string;

  @ApiProperty({ title: '材料编码', example: 'M05' })
  @IsString()
  @Length(1, 40, { message: '材料编码长度为1至40个字符' })
  materialCode!: string;

  @ApiProperty({ title: '材料名称', example: '食品安全管理制度文本' })
  @IsString()
  @Length(1, 200, { message: '材料名称长度为1至200个字符' })
  materialName!: string;

  @ApiProperty({ title: '需补正的内容', description: '需补正的内容', example: '缺少进货查验记录制度，请补充后加盖公章' })
  @IsString()
  @MinLength(2, { message: '请写明需要补正的内容' })
  @MaxLength(500, { message: '补正内容不能超过500字' })
  problem!: string;
}

export class RequestSupplementDto {
  @ApiProperty({ title: '需补正的材料', type: [RequestedMaterialDto] })
  @ArrayMinSize(1, { message: '请至少列出一项需要补正的材料' })
  @ArrayMaxSize(50, { message: '一次最多列出50项材料' })
  @ValidateNested({ each: true })
  @Type(() => RequestedMaterialDto)
  materials!: RequestedMaterialDto[];

  @ApiProperty({ title: '退回补正的理由', description: '退回补正的理由', example: '申请材料不符合法定形式' })
  @IsString({ message: '理由必须是文字' })
  @MinLength(2, { message: '退回补正必须说明理由' })
  @MaxLength(1000, { message: '理由不能超过1000字' })
  reason!: string;
}

export class WithdrawSupplementRequestDto {
  @ApiProperty({ title: '撤回理由', description: '撤回补正要求的理由', example: '经复核，施工合同盖章齐全，系扫描件不清晰所致' })
  @IsString({ message: '请填写撤回补正要求的理由' })
  @MinLength(4, { message: '撤回补正要求须说明理由（至少4个字）' })
  @MaxLength(1000, { message: '理由不能超过1000字' })
  reason!: string;
}
