import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsCalendarDate, PageQuery } from '@onewindow/platform';
import { VERIFICATION_STATUSES, type VerificationStatus } from './pledge-verification.entity';

export class ListVerificationsQuery extends PageQuery {
  @ApiPropertyOptional({ title: '核查状态', enum: VERIFICATION_STATUSES })
  @IsOptional()
  @IsIn(VERIFICATION_STATUSES, { message: `核查状态只能是${VERIFICATION_STATUSES.join('、')}` })
  status?: VerificationStatus;

  @ApiPropertyOptional({ title: '只看逾期', description: 'true: only open tasks past their due date' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

export class VerificationResultDto {
  @ApiProperty({ title: '承诺是否属实', description: 'true 承诺属实 / false 承诺不实' })
  @IsBoolean({ message: '请选择承诺是否属实' })
  truthful!: boolean;

  @ApiProperty({ title: '核查情况', description: '核查情况', example: '经现场核查，经营场所与承诺一致' })
  @IsString({ message: '核查情况必须填写' })
  @Length(2, 1000, { message: '核查情况长度应为2到1000个字' })
  finding!: string;

  @ApiPropertyOptional({
    title: '决定书文号',
    description: '承诺不实时的失信认定决定书文号（承诺不实时必填）',
    example: '东市监信〔2026〕9号',
  })
  @IsOptional()
  @IsString({ message: '决定书文号必须是文字' })
  @MaxLength(100, { message: '决定书文号不能超过100字' })
  documentNumber?: string;

  @ApiPropertyOptional({ title: '有效期至', description: '失信记录有效期至 YYYY-MM-DD；不填则至撤回为止', example: '2027-04-07' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;
}
