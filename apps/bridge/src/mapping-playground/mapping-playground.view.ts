import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FILE_ENCODINGS, SAMPLE_FORMATS, type FileEncoding, type SampleFormat } from '@onewindow/mapping';

export class PlaygroundProblemView {
  @ApiProperty({
    title: '出错环节',
    enum: ['spec', 'sample', 'mapping'],
    description: 'spec: the spec or code tables; sample: reading the file; mapping: a record',
  })
  stage!: 'spec' | 'sample' | 'mapping';

  @ApiPropertyOptional({
    title: '第几条记录',
    minimum: 0,
    description: 'When the sample held several records (CSV rows, XML record elements), from 0',
  })
  record?: number;

  @ApiProperty({
    title: '位置',
    example: 'FDDBR.XB → legalRepresentative.sexName',
    description: 'The spec path, the field of the file, or source → target',
  })
  path!: string;

  @ApiPropertyOptional({ title: '样例字段', example: 'FDDBR.XB' })
  source?: string;

  @ApiPropertyOptional({ title: '目标字段', example: 'legalRepresentative.sexName' })
  target?: string;

  @ApiPropertyOptional({ title: '映射规则', example: 'fields[30].codeTable' })
  rule?: string;

  @ApiProperty({ title: '错误代码', example: 'code_unmapped' })
  code!: string;

  @ApiProperty({ title: '说明', example: '法定代表人性别代码"7"不在代码表 GB/T 2261.1 中' })
  message!: string;
}

export class NotInvertedFieldView {
  @ApiProperty({ title: '规则', example: 'fields[6]' })
  field!: string;

  @ApiProperty({ title: '目标字段' })
  target!: string;

  @ApiProperty({ title: '原因代码' })
  reason!: string;

  @ApiProperty({ title: '说明' })
  message!: string;
}

export class PlaygroundResultView {
  @ApiProperty({ title: '是否映射成功' })
  ok!: boolean;

  @ApiProperty({
    title: '映射结果',
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'One mapped record per record of the sample; empty when anything failed',
  })
  records!: Array<Record<string, unknown>>;

  @ApiProperty({ title: '错误（按位置）', type: [PlaygroundProblemView] })
  problems!: PlaygroundProblemView[];

  @ApiProperty({ title: '读取样例所用编码', enum: FILE_ENCODINGS })
  encoding!: FileEncoding;

  @ApiProperty({
    title: '无法反向映射的规则',
    type: [NotInvertedFieldView],
    description: 'With reverse: the rules the derived reverse leaves out',
  })
  notInverted!: NotInvertedFieldView[];
}

export class PlaygroundExampleView {
  @ApiProperty({ title: '样例编号', example: 'wjw-result' })
  id!: string;

  @ApiProperty({ title: '名称', example: '卫健委卫生许可系统 · 结果文件（XML，GBK）' })
  title!: string;

  @ApiProperty({ title: '格式', enum: SAMPLE_FORMATS })
  format!: SampleFormat;

  @ApiProperty({ title: '编码', enum: FILE_ENCODINGS })
  encoding!: FileEncoding;

  @ApiPropertyOptional({ title: 'XML 根元素', example: 'WSXK_JG' })
  xmlRoot?: string;

  @ApiPropertyOptional({ title: 'XML 数组路径', type: [String], example: ['BZCL.CL'] })
  xmlArrays?: string[];

  @ApiProperty({ title: '样例文本' })
  sampleText!: string;

  @ApiProperty({ title: '样例原始字节（base64）' })
  sampleBase64!: string;

  @ApiProperty({ title: '映射规则（YAML）' })
  specText!: string;

  @ApiPropertyOptional({ title: '部门代码表（YAML）' })
  codeTablesText?: string;
}
