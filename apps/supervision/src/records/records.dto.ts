import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsCalendarDate } from '@onewindow/platform';
import { PARTY_KINDS, SUPERVISION_RECORD_KINDS, type PartyKind, type SupervisionRecordKind } from '@onewindow/contracts';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';

export class HolderDto {
  @ApiProperty({ title: '主体类型', enum: PARTY_KINDS, description: 'person 自然人 / organisation 法人或其他组织' })
  @IsIn(PARTY_KINDS, { message: '主体类型只能是自然人(person)或法人(organisation)' })
  kind!: PartyKind;

  @ApiProperty({ title: '主体名称', example: '聊城市东昌府区鲁西餐饮有限公司' })
  @IsString({ message: '主体名称必须填写' })
  @Length(1, 100, { message: '主体名称长度应为1到100个字' })
  name!: string;

  /** Checked against the kind by the service (GB 11643 / GB 32100 check character). */
  @ApiProperty({ title: '证件号码', description: '自然人填写居民身份证号码，法人填写统一社会信用代码', example: '91350100M000100Y43' })
  @IsString({ message: '证件号码必须填写' })
  identifier!: string;
}

export class PublishRecordDto {
  @ApiProperty({
    title: '记录类型',
    enum: SUPERVISION_RECORD_KINDS,
    description: 'penalty 行政处罚 / blacklist 失信 / redlist 守信红名单 / inspection 检查结果',
  })
  @IsIn(SUPERVISION_RECORD_KINDS, { message: '记录类型只能是行政处罚(penalty)、失信(blacklist)、红名单(redlist)或检查结果(inspection)' })
  kind!: SupervisionRecordKind;

  @ApiProperty({ title: '当事人', type: HolderDto })
  @ValidateNested()
  @Type(() => HolderDto)
  holder!: HolderDto;

  @ApiProperty({ title: '标题', example: '未按规定公示年度报告' })
  @IsString({ message: '标题必须填写' })
  @Length(2, 200, { message: '标题长度应为2到200个字' })
  title!: string;

  @ApiPropertyOptional({ title: '决定书文号', description: '决定书文号（行政处罚、失信必填）', example: '东市监罚〔2026〕15号' })
  @IsOptional()
  @IsString({ message: '决定书文号必须是文字' })
  @MaxLength(100, { message: '决定书文号不能超过100字' })
  documentNumber?: string;

  @ApiPropertyOptional({ title: '详细内容', description: '处罚内容、检查结论等' })
  @IsOptional()
  @IsString({ message: '详细内容必须是文字' })
  @MaxLength(2000, { message: '详细内容不能超过2000字' })
  details?: string;

  @ApiProperty({ title: '决定日期', description: '决定（检查）日期 YYYY-MM-DD', example: '2026-03-20' })
  @IsCalendarDate()
  decidedOn!: string;

  @ApiPropertyOptional({
    title: '有效期至',
    description: '失信、红名单的有效期至，或行政处罚的公示截止日期 YYYY-MM-DD',
    example: '2027-03-19',
  })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;
}

export class WithdrawRecordDto {
  @ApiProperty({ title: '撤回理由', description: '撤回理由', example: '信用修复完成，移出失信名单' })
  @IsString({ message: '撤回理由必须填写' })
  @Length(2, 500, { message: '撤回理由长度应为2到500个字' })
  reason!: string;
}

export class HolderParams {
  @ApiProperty({ title: '证件号码', description: '统一社会信用代码或居民身份证号码', example: '91350100M000100Y43' })
  @Matches(/^[0-9A-Z]{17}[0-9A-Z]$/, { message: '证件号码应为18位数字或大写字母' })
  identifier!: string;
}
