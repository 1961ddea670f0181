import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { validateCreditCode, validateResidentId } from '@onewindow/domain';
import { DomainError, Roles, type FieldError } from '@onewindow/platform';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import type { LookupKey } from '../adapters/adapter-definition';
import { PrefillService } from './prefill.service';
import { PrefillRecordView, PrefillStatisticsView, PrefillView, toPrefillRecordView } from './prefill.view';

class PrefillQuery {
  @ApiPropertyOptional({ title: '统一社会信用代码', example: '91350100M000100Y43' })
  @IsOptional()
  @IsString()
  creditCode?: string;

  @ApiPropertyOptional({ title: '居民身份证号码', example: '371502199003050028' })
  @IsOptional()
  @IsString()
  idNumber?: string;

  @ApiPropertyOptional({ title: '投资项目代码', example: '2026-371502-47-01-012345' })
  @IsOptional()
  @Matches(/^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/, { message: '项目代码格式应为 年份-区划-行业-类别-流水号，如 2026-371502-47-01-012345' })
  projectCode?: string;
}

class PrefillUsageDto {
  @ApiProperty({ title: '沿用的预填字段', description: 'pre-filled fields submitted as filled' })
  @IsInt({ message: '保留字段数必须是整数' })
  @Min(0, { message: '保留字段数不能为负' })
  @Max(500)
  kept!: number;

  @ApiProperty({ title: '修改的预填字段', description: 'pre-filled fields changed before submitting' })
  @IsInt({ message: '修改字段数必须是整数' })
  @Min(0, { message: '修改字段数不能为负' })
  @Max(500)
  changed!: number;

  @ApiProperty({ title: '手工填写的字段', description: 'fields typed that no source filled' })
  @IsInt({ message: '手工填写字段数必须是整数' })
  @Min(0, { message: '手工填写字段数不能为负' })
  @Max(500)
  typed!: number;
}

/**
 * 数据自动调取 for application forms. The window's and the online forms call the bridge directly:
 * intake does not need to know the shared data sources, and the bridge keeps its one place for
 * adapters, mappings and the exchange log (see the README for why).
 */
@ApiTags('prefill 数据自动调取')
@ApiBearerAuth()
@Controller('prefill')
export class PrefillController {
  constructor(private readonly prefills: PrefillService) {}

  @Get()
  @Roles('clerk', 'applicant', 'admin')
  @ApiOperation({
    summary: 'Form fields from the shared data source for one key: creditCode (法人库), idNumber (人口库) or projectCode (投资项目库)',
  })
  @ApiOkResponse({ type: PrefillView })
  prefill(@Query() query: PrefillQuery): Promise<PrefillView> {
    const given = (['creditCode', 'idNumber', 'projectCode'] as const).filter((key) => query[key] !== undefined);
    if (given.length !== 1) {
      throw DomainError.validation([
        { path: 'creditCode', code: 'ONE_KEY_REQUIRED', message: '请提供且只提供一个查询条件：统一社会信用代码、公民身份号码或项目代码' },
      ]);
    }
    const kind = given[0] as LookupKey;
    const value = (query[kind] as string).trim().toUpperCase();
    const check = kind === 'creditCode' ? validateCreditCode(value) : kind === 'idNumber' ? validateResidentId(value) : undefined;
    if (check && !check.ok) throw DomainError.validation([{ path: kind, code: check.code, message: check.message } satisfies FieldError]);
    return this.prefills.prefill(kind, value);
  }

  @Post(':id/usage')
  @HttpCode(200)
  @Roles('clerk', 'applicant', 'admin')
  @ApiOperation({ summary: 'The submitted form reports how many pre-filled fields were kept or changed, and how many were typed' })
  @ApiOkResponse({ type: PrefillRecordView })
  async report(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: PrefillUsageDto): Promise<PrefillRecordView> {
    return toPrefillRecordView(await this.prefills.report(id, body));
  }

  @Get('statistics')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: '自动调取率: fields filled automatically vs typed' })
  @ApiOkResponse({ type: PrefillStatisticsView })
  statistics(): Promise<PrefillStatisticsView> {
    return this.prefills.statistics();
  }
}
