import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldRoute, FormDefinition } from '@onewindow/forms';

const FORM_DESCRIPTION =
  '申请表: `{ schema, layout, situations? }`. `schema` is JSON Schema 2020-12 with the extension keywords of @onewindow/forms ' +
  '(x-kind, x-unit, x-precision, x-codes, x-prefill, x-element, …), data elements resolved; `layout` orders the fields in groups; ' +
  '`situations` make fields required or asked by the 办理情形 answers.';

export class ItemFormResponse {
  @ApiProperty({ example: 'DCF-ZJ-XK-012' })
  itemCode!: string;

  @ApiProperty({ example: 1 })
  itemVersion!: number;

  @ApiProperty({ example: '建筑工程施工许可证核发' })
  itemName!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: FORM_DESCRIPTION })
  form!: FormDefinition;
}

export class FieldRouteTargetResponse {
  @ApiProperty({ example: 'DCF-WJW-XK-003' })
  itemCode!: string;

  @ApiProperty({ description: 'The field in that item’s own form', example: 'businessAddress' })
  path!: string;
}

export class FieldRouteResponse implements FieldRoute {
  @ApiProperty({ description: 'The field in the merged form: a shared element’s key, or `<itemCode>.<field>`', example: 'businessAddress' })
  path!: string;

  @ApiProperty({ example: '经营场所' })
  label!: string;

  @ApiPropertyOptional({ description: '数据元 code, for a field asked once for several items', example: 'DE-JYCS' })
  element?: string;

  @ApiProperty({ type: [FieldRouteTargetResponse] })
  items!: FieldRouteTargetResponse[];
}

export class BundleItemResponse {
  @ApiProperty({ example: 'DCF-SCJG-XK-001' })
  code!: string;

  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ example: '食品经营许可（新办）' })
  name!: string;

  @ApiProperty({ example: '东昌府区市场监督管理局' })
  departmentName!: string;
}

export class BundleFormResponse {
  @ApiProperty({ example: 'DCF-YJS-KBCYD' })
  bundleCode!: string;

  @ApiProperty({ example: 1 })
  bundleVersion!: number;

  @ApiProperty({ example: '开办餐饮店' })
  bundleName!: string;

  @ApiProperty({ type: [BundleItemResponse], description: 'The item versions merged, in the bundle’s order' })
  items!: BundleItemResponse[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: `${FORM_DESCRIPTION} Shared data elements are top-level fields; what one item alone asks is under its item code.`,
  })
  form!: FormDefinition;

  @ApiProperty({ type: [FieldRouteResponse], description: 'Which items each field of the merged form goes to' })
  routes!: FieldRouteResponse[];
}

export class DataElementResponse {
  @ApiProperty({ example: 'DE-JYCS' })
  code!: string;

  @ApiProperty({ example: '经营场所' })
  name!: string;

  @ApiProperty({ description: 'The field name in a merged (一表申请) form', example: 'businessAddress' })
  key!: string;

  @ApiProperty({ example: '实际从事经营活动的场所地址' })
  definition!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The element’s field schema (JSON Schema 2020-12 with extension keywords)',
  })
  schema!: object;
}
