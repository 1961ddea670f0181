import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTOR_KINDS,
  FORM_SOURCES,
  PART_MATERIAL_STATUSES,
  PARTY_KINDS,
  type ActorKind,
  type FormSource,
  type PartMaterialStatus,
  type PartyKind,
} from '@onewindow/contracts';

/**
 * The OpenAPI schemas of the shapes every service answers with (the contract types they keep):
 * an applicant or holder, who acted, a department, a part's application form and materials.
 */
export class PartyView {
  @ApiProperty({ enum: PARTY_KINDS })
  kind!: PartyKind;

  @ApiProperty({ example: '聊城市东昌府区鲁西小厨餐饮店' })
  name!: string;

  @ApiProperty({ description: 'Resident ID number (person) or unified social credit code (organisation)', example: '91371502MA3C8XQ21K' })
  identifier!: string;

  @ApiPropertyOptional({ example: '13906351234' })
  phone?: string;
}

export class ActorView {
  @ApiProperty({ enum: ACTOR_KINDS })
  kind!: ActorKind;

  @ApiProperty({ example: 'wangshenpi' })
  id!: string;

  @ApiProperty({ example: '王审批' })
  name!: string;
}

export class DepartmentRefView {
  @ApiProperty({ example: 'DCF-SCJGJ' })
  code!: string;

  @ApiProperty({ example: '东昌府区市场监督管理局' })
  name!: string;
}

/** Where an auto-filled answer came from (数据来源). */
export class FormFieldSourceView {
  @ApiProperty({ enum: FORM_SOURCES, description: 'enterprise 法人库, person 人口库, project 投资项目库' })
  source!: FormSource;

  @ApiProperty({ example: '聊城市法人单位基础信息库' })
  sourceName!: string;

  @ApiProperty({ format: 'date-time' })
  fetchedAt!: string;

  @ApiProperty({ description: 'The clerk or applicant changed the filled value before submitting' })
  changed!: boolean;
}

/** One answer of an application form as a person reads it. */
export class FormFieldView {
  @ApiProperty({ example: 'builder.creditCode' })
  path!: string;

  @ApiProperty({ example: '建设单位统一社会信用代码' })
  label!: string;

  @ApiProperty({ example: '91371502MA3C8K2X1R' })
  text!: string;

  @ApiPropertyOptional({ description: '数据元', example: 'DE-TYSHXYDM' })
  element?: string;

  @ApiPropertyOptional({ type: FormFieldSourceView })
  source?: FormFieldSourceView;
}

/** 申请表: one part's share of the application form, as its department receives it. */
export class PartFormView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The answers by the field names of the item version’s form' })
  data!: Record<string, unknown>;

  @ApiProperty({ type: [FormFieldView] })
  fields!: FormFieldView[];
}

/** One material of a part as accepted: received, to follow by a date (容缺) or replaced by a pledge (告知承诺). */
export class PartMaterialView {
  @ApiProperty()
  materialCode!: string;

  @ApiProperty()
  materialName!: string;

  @ApiProperty({ enum: PART_MATERIAL_STATUSES })
  status!: PartMaterialStatus;

  @ApiPropertyOptional({ format: 'date' })
  dueDate?: string;
}
