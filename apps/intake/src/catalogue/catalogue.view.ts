import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, HANDLING_TYPES, LEVELS, type Channel, type HandlingType, type Level } from '@onewindow/contracts';
import { DepartmentRefView, serializeDates } from '@onewindow/platform';
import { ITEM_KINDS, MATERIAL_FORMS, type ItemKind, type MaterialForm } from './catalogue-document';
import type { ServiceBundle } from './service-bundle.entity';
import type { ServiceItem } from './service-item.entity';

export class SituationOptionView {
  @ApiProperty({ example: 'A' })
  code!: string;

  @ApiProperty({ example: '新办' })
  label!: string;
}

/** 办理情形: one question whose answer selects part of the material list. */
export class SituationQuestionView {
  @ApiProperty({ example: 'Q1' })
  code!: string;

  @ApiProperty({ example: '申请类型' })
  text!: string;

  @ApiProperty({ type: [SituationOptionView] })
  options!: SituationOptionView[];
}

export class MaterialConditionView {
  @ApiProperty({ description: 'Question code' })
  question!: string;

  @ApiProperty({ type: [String], description: 'Answers (option codes) that require the material' })
  answers!: string[];
}

export class MaterialSpecView {
  @ApiProperty({ example: 'M01' })
  code!: string;

  @ApiProperty({ example: '食品经营许可申请书' })
  name!: string;

  @ApiProperty({ enum: MATERIAL_FORMS, description: '原件 / 复印件 / 原件和复印件 / 电子材料' })
  form!: MaterialForm;

  @ApiProperty()
  copies!: number;

  @ApiProperty({ description: '容缺: may follow after acceptance, by a due date' })
  mayFollowLater!: boolean;

  @ApiProperty({ description: '告知承诺: a written pledge may replace it' })
  pledgeAllowed!: boolean;

  @ApiProperty({ description: 'What it must contain; printed on the one-time notice' })
  requirement!: string;

  @ApiPropertyOptional({ type: MaterialConditionView, description: 'Required only for these answers; absent: always' })
  when?: MaterialConditionView;
}

export class FeeView {
  @ApiProperty()
  charged!: boolean;

  @ApiPropertyOptional({ description: '金额（分）' })
  amountFen?: number;

  @ApiPropertyOptional({ description: '收费依据' })
  basis?: string;
}

/** 事项标准库: one version of a service item. */
export class ServiceItemView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'DCF-SCJG-XK-001' })
  code!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty({ description: 'The version applications are filed under now' })
  current!: boolean;

  @ApiProperty({ example: '食品经营许可' })
  name!: string;

  @ApiProperty()
  departmentCode!: string;

  @ApiProperty()
  departmentName!: string;

  @ApiProperty({ enum: ITEM_KINDS })
  kind!: ItemKind;

  @ApiProperty({ enum: HANDLING_TYPES, description: '即办件 immediate / 承诺件 committed / 上报件 escalated' })
  handlingType!: HandlingType;

  @ApiProperty({ description: '法定时限（工作日）' })
  legalWorkingDays!: number;

  @ApiProperty({ description: '承诺时限（工作日）' })
  committedWorkingDays!: number;

  @ApiProperty({ type: [DepartmentRefView], description: '审管互动: who supervises a holder' })
  supervisingDepartments!: DepartmentRefView[];

  @ApiProperty({ type: [String], description: '受理条件' })
  conditions!: string[];

  @ApiProperty({ type: [String], description: '设定依据' })
  legalBasis!: string[];

  @ApiProperty({ type: FeeView })
  fee!: FeeView;

  @ApiProperty({ enum: CHANNELS, isArray: true })
  channels!: Channel[];

  @ApiProperty({ enum: LEVELS, isArray: true, description: 'Levels whose windows may accept it' })
  levels!: Level[];

  @ApiProperty({ description: '委托受理' })
  entrustedToWindow!: boolean;

  @ApiProperty({ type: [SituationQuestionView] })
  questions!: SituationQuestionView[];

  @ApiProperty({ type: [MaterialSpecView] })
  materials!: MaterialSpecView[];

  @ApiProperty({ description: 'Approved in the department’s own system (through the bridge)' })
  handledInDepartmentSystem!: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      '申请表: JSON Schema 2020-12 with a layout section (typed at `GET /catalogue/items/{code}/form`); null for versions from before forms',
  })
  form?: object | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/** 一件事 / 主题式服务. */
export class ServiceBundleView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'DCF-YJS-KBCYD' })
  code!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty()
  current!: boolean;

  @ApiProperty({ example: '开办餐饮店' })
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ description: '牵头部门' })
  leadDepartmentCode!: string;

  @ApiProperty()
  leadDepartmentName!: string;

  @ApiProperty({ type: [String] })
  itemCodes!: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/** The material list for the answers given. */
export class ItemMaterialsView {
  @ApiProperty()
  itemCode!: string;

  @ApiProperty()
  itemVersion!: number;

  @ApiProperty({ type: [MaterialSpecView] })
  materials!: MaterialSpecView[];
}

export class UnchangedCountView {
  @ApiProperty()
  items!: number;

  @ApiProperty()
  bundles!: number;
}

export class ImportSummaryView {
  @ApiProperty({ type: [String], example: ['DCF-SCJG-XK-001@2'] })
  itemsCreatedOrChanged!: string[];

  @ApiProperty({ type: [String] })
  bundlesCreatedOrChanged!: string[];

  @ApiProperty({ type: UnchangedCountView })
  unchanged!: UnchangedCountView;
}

/** The one mapping of a catalogue item version: every field as stored, the time as ISO 8601. */
export function toServiceItemView(item: ServiceItem): ServiceItemView {
  return serializeDates(item);
}

export function toServiceBundleView(bundle: ServiceBundle): ServiceBundleView {
  return serializeDates(bundle);
}

export class CatalogueDepartmentView {
  @ApiProperty({ title: '部门编码', example: 'DCF-SCJGJ' })
  code!: string;

  @ApiProperty({ title: '部门名称', example: '东昌府区市场监督管理局' })
  name!: string;

  @ApiProperty({ title: '现行事项数', minimum: 0 })
  items!: number;
}
