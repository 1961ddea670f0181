import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { FILE_ENCODINGS, SAMPLE_FORMATS, type FileEncoding, type SampleFormat } from '@onewindow/mapping';
import { Roles } from '@onewindow/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsBase64,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PlaygroundExampleView, PlaygroundResultView } from './mapping-playground.view';
import { playgroundExamples } from './playground-examples';
import { runPlayground } from './run-playground';

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

class PlaygroundRunDto {
  @ApiPropertyOptional({
    title: '样例文本',
    description: 'The sample as text; written in the chosen encoding before it is read. Give this or sampleBase64.',
  })
  @ValidateIf((dto: PlaygroundRunDto) => dto.sampleBase64 === undefined)
  @IsString({ message: '请粘贴样例或上传样例文件' })
  @MinLength(1, { message: '请粘贴样例或上传样例文件' })
  @MaxLength(500_000, { message: '样例不能超过 50 万字' })
  sampleText?: string;

  @ApiPropertyOptional({ title: '样例文件（base64）', description: 'The file’s exact bytes, e.g. a GBK XML file' })
  @IsOptional()
  @IsString({ message: '样例文件内容必须是 base64 文本' })
  @MaxLength(700_000, { message: '样例文件不能超过 500 KB' })
  @IsBase64({}, { message: '样例文件内容不是有效的 base64' })
  sampleBase64?: string;

  @ApiProperty({ title: '样例格式', enum: SAMPLE_FORMATS })
  @IsIn(SAMPLE_FORMATS, { message: `样例格式只能是${SAMPLE_FORMATS.join('、')}` })
  format!: SampleFormat;

  @ApiPropertyOptional({ title: '样例编码', enum: FILE_ENCODINGS, description: 'Default: what an XML declaration says, else UTF-8' })
  @IsOptional()
  @IsIn(FILE_ENCODINGS, { message: `编码只能是${FILE_ENCODINGS.join('、')}` })
  encoding?: FileEncoding;

  @ApiPropertyOptional({ title: 'XML 根元素', example: 'WSXK_JG' })
  @IsOptional()
  @Matches(XML_NAME, { message: 'XML 根元素名称不正确' })
  xmlRoot?: string;

  @ApiPropertyOptional({ title: 'XML 记录元素', example: 'JL' })
  @IsOptional()
  @Matches(XML_NAME, { message: 'XML 记录元素名称不正确' })
  xmlRecord?: string;

  @ApiPropertyOptional({ title: 'XML 数组路径', type: [String], example: ['BZCL.CL'] })
  @IsOptional()
  @IsArray({ message: 'XML 数组路径必须是列表' })
  @ArrayMaxSize(50, { message: 'XML 数组路径最多50个' })
  @Matches(/^[A-Za-z_][A-Za-z0-9_.-]{0,200}$/, { each: true, message: 'XML 数组路径格式不正确（如 BZCL.CL）' })
  xmlArrays?: string[];

  @ApiProperty({ title: '映射规则（YAML 或 JSON）', description: 'The spec as in the adapters file' })
  @IsString({ message: '请填写映射规则' })
  @MinLength(1, { message: '请填写映射规则' })
  @MaxLength(200_000, { message: '映射规则不能超过 20 万字' })
  specText!: string;

  @ApiPropertyOptional({
    title: '部门代码表（YAML 或 JSON）',
    description: 'The department’s own code tables the spec pins with ref and version',
  })
  @IsOptional()
  @IsString({ message: '部门代码表必须是文本' })
  @MaxLength(200_000, { message: '部门代码表不能超过 20 万字' })
  codeTablesText?: string;

  @ApiPropertyOptional({ title: '反向映射', description: 'Map with the reverse derived from the spec' })
  @IsOptional()
  @IsBoolean({ message: '反向映射必须是 true 或 false' })
  reverse?: boolean;
}

/** 映射调试: try a spec on a department's sample with the mapping CLI's engine, before it goes into the adapters file. */
@ApiTags('mapping 映射调试')
@ApiBearerAuth()
@Controller('mapping/playground')
export class MappingPlaygroundController {
  @Post()
  @HttpCode(200)
  @Roles('integrator', 'admin')
  @ApiOperation({
    summary: 'Map a department sample (JSON, XML or CSV in any supported encoding) with a spec: the records, or every problem by path',
  })
  @ApiOkResponse({ type: PlaygroundResultView })
  run(@Body() body: PlaygroundRunDto): PlaygroundResultView {
    const outcome = runPlayground(body);
    return outcome.ok
      ? { ok: true, records: outcome.records, problems: [], encoding: outcome.encoding, notInverted: outcome.notInverted }
      : { ok: false, records: [], problems: outcome.problems, encoding: outcome.encoding, notInverted: outcome.notInverted };
  }

  @Get('examples')
  @Roles('integrator', 'admin')
  @ApiOperation({ summary: "The demo department systems' real samples with their adapters' specs" })
  @ApiOkResponse({ type: [PlaygroundExampleView] })
  examples(): PlaygroundExampleView[] {
    return playgroundExamples();
  }
}
