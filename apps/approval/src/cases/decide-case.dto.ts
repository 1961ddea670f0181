import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class DecideCaseDto {
  @ApiProperty({ enum: ['approved', 'refused'], description: 'approved 准予许可 / refused 不予许可' })
  @IsIn(['approved', 'refused'], { message: '决定只能是准予许可(approved)或不予许可(refused)' })
  outcome!: 'approved' | 'refused';

  @ApiPropertyOptional({ description: '不予许可的理由（不予许可时必填）' })
  @IsOptional()
  @IsString({ message: '理由必须是文字' })
  @MaxLength(1000, { message: '理由不能超过1000字' })
  reason?: string;

  @ApiPropertyOptional({ description: '法律依据（不予许可时必填）', example: '《中华人民共和国行政许可法》第三十八条' })
  @IsOptional()
  @IsString({ message: '法律依据必须是文字' })
  @MaxLength(500, { message: '法律依据不能超过500字' })
  legalBasis?: string;

  @ApiPropertyOptional({ description: '许可范围（准予许可时）', example: '预包装食品销售（含冷藏冷冻食品）；热食类食品制售' })
  @IsOptional()
  @IsString({ message: '许可范围必须是文字' })
  @MaxLength(1000, { message: '许可范围不能超过1000字' })
  scope?: string;

  @ApiPropertyOptional({ description: '有效期至 YYYY-MM-DD', example: '2031-03-04' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '有效期格式应为YYYY-MM-DD' })
  validUntil?: string;
}
