import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CHANNELS,
  FORM_SOURCES,
  LEVELS,
  PARTY_KINDS,
  type Channel,
  type FormSource,
  type Level,
  type PartyKind,
} from '@onewindow/contracts';
import { IsChinesePhone, IsResidentId } from '@onewindow/domain';
import { IsCalendarDate } from '@onewindow/platform';
import { MATERIAL_FINDINGS, type MaterialFinding } from '../catalogue/materials-check';
import { IsPartyIdentifier } from './party-identifier.validator';

export class ApplicantDto {
  @ApiProperty({ title: '申请人类型', enum: PARTY_KINDS, description: 'person 自然人 / organisation 法人或其他组织' })
  @IsIn(PARTY_KINDS, { message: '申请人类型只能是自然人(person)或法人(organisation)' })
  kind!: PartyKind;

  @ApiProperty({ title: '申请人名称', example: '聊城市东昌府区鲁西餐饮有限公司' })
  @IsString({ message: '申请人名称必须填写' })
  @Length(1, 100, { message: '申请人名称长度应为1到100个字' })
  name!: string;

  @ApiProperty({
    title: '申请人证件号码',
    description: '自然人填写居民身份证号码，法人填写统一社会信用代码',
    example: '91350100M000100Y43',
  })
  @IsPartyIdentifier('kind')
  identifier!: string;

  @ApiPropertyOptional({ title: '申请人电话', example: '13812345678' })
  @IsOptional()
  @IsChinesePhone()
  phone?: string;
}

export const AGENT_KINDS = ['helper', 'village-agent', 'proxy'] as const;

/** 帮办代办: a centre helper, a village agent (村代办员) or a proxy acting for the applicant. */
export class AgentDto {
  @ApiProperty({ title: '代办人类型', enum: AGENT_KINDS })
  @IsIn(AGENT_KINDS, { message: '代办人类型只能是帮办员(helper)、村代办员(village-agent)或受托人(proxy)' })
  kind!: (typeof AGENT_KINDS)[number];

  @ApiProperty({ title: '代办人姓名', example: '王代办' })
  @IsString({ message: '代办人姓名必须填写' })
  @Length(1, 50, { message: '代办人姓名长度应为1到50个字' })
  name!: string;

  @ApiProperty({ title: '代办人身份证号码', description: '代办人居民身份证号码' })
  @IsResidentId()
  identifier!: string;
}

/** What the clerk found for one material (材料审查). */
export class MaterialCheckDto {
  @ApiProperty({ title: '事项编码', example: 'DCF-SCJG-XK-001' })
  @IsString({ message: '事项编码必须填写' })
  @MaxLength(40)
  itemCode!: string;

  @ApiProperty({ title: '材料编码', example: 'M03' })
  @IsString({ message: '材料编码必须填写' })
  @MaxLength(20)
  materialCode!: string;

  @ApiProperty({ title: '审查结果', enum: MATERIAL_FINDINGS, description: '已收取 / 缺少 / 有误 / 容缺后补 / 告知承诺' })
  @IsIn(MATERIAL_FINDINGS, { message: '材料审查结果只能是 provided、missing、faulty、to-follow 或 pledged' })
  finding!: MaterialFinding;

  @ApiPropertyOptional({ title: '问题说明', description: '材料存在的问题（有误时必填，印在一次性告知书上）' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '问题说明不能超过200个字' })
  problem?: string;

  @ApiPropertyOptional({ title: '补交期限', description: '容缺材料的补交期限 YYYY-MM-DD', example: '2026-03-20' })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;
}

/** 数据自动调取: one answer of the form filled from a shared data source (the bridge's `GET /prefill`). */
export class FormSourceDto {
  @ApiProperty({ title: '栏目路径', description: 'The field in the submitted form', example: 'builder.name' })
  @IsString({ message: '栏目路径必须填写' })
  @Length(1, 200, { message: '栏目路径长度应为1到200个字符' })
  path!: string;

  @ApiProperty({ title: '数据来源', enum: FORM_SOURCES, description: 'enterprise 法人库 / person 人口库 / project 投资项目库' })
  @IsIn(FORM_SOURCES, { message: '数据来源只能是法人库(enterprise)、人口库(person)或投资项目库(project)' })
  source!: FormSource;

  @ApiProperty({
    title: '数据来源名称',
    description: 'The source as the bridge named it (`source` of GET /prefill)',
    example: '聊城市法人单位基础信息库',
  })
  @IsString({ message: '数据来源名称必须填写' })
  @Length(1, 100, { message: '数据来源名称长度应为1到100个字' })
  sourceName!: string;

  @ApiProperty({
    title: '调取时间',
    description: 'When the bridge fetched it (`fetchedAt` of GET /prefill)',
    example: '2026-03-05T02:10:00.000Z',
  })
  @IsISO8601({ strict: true }, { message: '调取时间格式不正确' })
  fetchedAt!: string;

  @ApiProperty({ title: '调取到的原值', description: 'The value as it was filled, before anybody changed it' })
  @IsDefined({ message: '必须提供调取到的原值' })
  value!: unknown;

  @ApiPropertyOptional({ title: '调取编号', description: 'The bridge look-up (`prefillId` of GET /prefill)' })
  @IsOptional()
  @IsUUID('all', { message: '调取编号格式不正确' })
  prefillId?: string;
}

/** 申请表 answers with the sources of the auto-filled ones: filed, or corrected (补正). */
export class FormAnswersDto {
  @ApiPropertyOptional({
    title: '申请表',
    type: 'object',
    additionalProperties: true,
    description:
      '申请表 answers. One item: its form’s (GET /catalogue/items/:code/form); a bundle or several items: the 一表申请 form’s (GET /catalogue/bundles/:code/form). ' +
      'With a supplement or a check: the corrected answers, which replace the filed ones (the change is kept in the form’s history).',
  })
  @IsOptional()
  @IsObject({ message: '申请表必须是“栏目 → 填写内容”的对象' })
  form?: Record<string, unknown>;

  @ApiPropertyOptional({
    title: '自动调取的栏目',
    type: [FormSourceDto],
    description: 'The answers filled from shared data, with source and time; the window tells whether a person changed them',
  })
  @IsOptional()
  @IsArray({ message: '数据来源必须是列表' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => FormSourceDto)
  formSources?: FormSourceDto[];
}

/** 补正: the applicant brings what the notice asked for; the clerk checks the whole file again. */
export class SupplementDto extends FormAnswersDto {
  @ApiPropertyOptional({ title: '材料审查结果', type: [MaterialCheckDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => MaterialCheckDto)
  materials?: MaterialCheckDto[];

  @ApiPropertyOptional({ title: '其余材料齐全', description: '全部材料齐全：未列出的材料均已收取' })
  @IsOptional()
  @IsBoolean()
  allOtherMaterialsProvided?: boolean;

  @ApiPropertyOptional({ title: '本人到场', description: '申请人本次是否到现场（最多跑一次），默认窗口渠道为是' })
  @IsOptional()
  @IsBoolean()
  visitedInPerson?: boolean;
}

/**
 * An application at the window: the items (or a bundle), the applicant, the situation answers
 * and the clerk's materials check. The outcome is an acceptance or a one-time notice.
 */
export class FileApplicationDto extends SupplementDto {
  @ApiPropertyOptional({ title: '申请事项', type: [String], example: ['DCF-SCJG-XK-001'], description: '申请事项编码；与一件事编码二选一' })
  @ValidateIf((dto: FileApplicationDto) => dto.bundleCode === undefined)
  @IsDefined({ message: '请选择申请事项或一件事' })
  @IsArray()
  @ArrayMinSize(1, { message: '请至少选择一个申请事项' })
  @ArrayMaxSize(30, { message: '一次最多申请30个事项' })
  @IsString({ each: true, message: '事项编码必须是文字' })
  itemCodes?: string[];

  @ApiPropertyOptional({ title: '一件事编码', example: 'DCF-YJS-KBCYD', description: '一件事编码；与事项编码二选一' })
  @IsOptional()
  @ValidateIf((dto: FileApplicationDto) => dto.itemCodes === undefined)
  @IsString({ message: '一件事编码必须是文字' })
  @MaxLength(40)
  bundleCode?: string;

  @ApiProperty({ title: '办理渠道', enum: CHANNELS })
  @IsIn(CHANNELS, { message: '办理渠道不正确' })
  channel!: Channel;

  @ApiProperty({ title: '受理层级', enum: LEVELS })
  @IsIn(LEVELS, { message: '受理层级只能是区县、乡镇(街道)或村(社区)' })
  level!: Level;

  @ApiProperty({ title: '申请人', type: ApplicantDto })
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant!: ApplicantDto;

  @ApiPropertyOptional({ title: '代办人', type: AgentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgentDto)
  agent?: AgentDto;

  @ApiPropertyOptional({ title: '联系电话', description: '联系电话（印在受理回执上），默认为申请人电话' })
  @IsOptional()
  @IsChinesePhone()
  contactPhone?: string;

  @ApiPropertyOptional({
    title: '办理情形',
    description: '办理情形：每个事项的问题编码 → 选项编码',
    example: { 'DCF-SCJG-DJ-001': { Q1: 'A' } },
  })
  @IsOptional()
  @IsObject({ message: '办理情形必须是“事项编码 → 问题 → 选项”的对象' })
  situations?: Record<string, Record<string, string>>;
}
