import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CONFIGURABLE_STEPS, type ConfigurableStep } from './workflow-definition';

export class StepAssigneeDto {
  @ApiProperty({ title: '办理人类型', enum: ['person', 'pool'], description: 'person 指定到人 / pool 本部门任一审批人员' })
  @IsIn(['person', 'pool'], { message: '办理人只能是指定到人(person)或本部门(pool)' })
  kind!: 'person' | 'pool';

  @ApiPropertyOptional({ title: '工号', description: '工号（指定到人时必填）' })
  @IsOptional()
  @IsString()
  @Length(1, 64, { message: '工号长度为1至64个字符' })
  id?: string;

  @ApiPropertyOptional({ title: '姓名', description: '姓名（指定到人时必填）' })
  @IsOptional()
  @IsString()
  @Length(1, 50, { message: '姓名长度为1至50个字符' })
  name?: string;
}

export class WorkflowStepDto {
  @ApiProperty({ title: '环节', enum: CONFIGURABLE_STEPS, description: 'examine 审查 / verify 审核 / approve 批准' })
  @IsIn(CONFIGURABLE_STEPS, { message: '环节只能是审查(examine)、审核(verify)或批准(approve)' })
  step!: ConfigurableStep;

  @ApiProperty({ title: '办理人', type: StepAssigneeDto })
  @ValidateNested()
  @Type(() => StepAssigneeDto)
  assignee!: StepAssigneeDto;
}

export class PutWorkflowDto {
  @ApiProperty({ title: '实施部门编码', description: '实施部门编码', example: 'DCF-SCJGJ' })
  @IsString()
  @Length(1, 40, { message: '部门编码长度为1至40个字符' })
  departmentCode!: string;

  @ApiProperty({ title: '环节', type: [WorkflowStepDto] })
  @ArrayMinSize(1, { message: '至少需要“批准”一个环节' })
  @ArrayMaxSize(3, { message: '最多三个环节：审查、审核、批准' })
  @ValidateNested({ each: true })
  @Type(() => WorkflowStepDto)
  steps!: WorkflowStepDto[];

  @ApiPropertyOptional({ title: '证照编号规则', description: '证照编号规则', example: 'JY1371502{yyyy}{seq:5}' })
  @IsOptional()
  @IsString()
  @MaxLength(64, { message: '编号规则不能超过64个字符' })
  licenceNumberTemplate?: string;

  @ApiPropertyOptional({ title: '证照有效期（年）', description: '证照有效期（年）', example: 5 })
  @IsOptional()
  @IsInt({ message: '有效期年数必须是整数' })
  @Min(1, { message: '有效期至少1年' })
  @Max(30, { message: '有效期不能超过30年' })
  licenceValidityYears?: number;

  @ApiPropertyOptional({
    title: '审批分离',
    description: '审批分离：同一人员不能连续办理两个环节（审查与审核、审核与批准）；不填时为true',
    default: true,
  })
  @IsOptional()
  @IsBoolean({ message: '审批分离只能是true或false' })
  separateDuties?: boolean;
}

export class PutApproverDto {
  @ApiProperty({ title: '姓名', example: '王审批' })
  @IsString()
  @Length(1, 50, { message: '姓名长度为1至50个字符' })
  name!: string;

  @ApiPropertyOptional({ title: '部门编码', description: '部门编码（管理员登记时填写）' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  departmentCode?: string;

  @ApiPropertyOptional({ title: 'B角工号', description: 'B角的工号' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  standInId?: string;
}

export class SetAwayDto {
  @ApiProperty({ title: '是否不在岗', description: 'true 不在岗（出差、休假），false 返岗' })
  @IsBoolean({ message: '请说明是否在岗' })
  away!: boolean;

  @ApiPropertyOptional({ title: '原因', example: '赴省厅参加培训' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '原因不能超过200字' })
  reason?: string;
}

export class AdvanceStepDto {
  @ApiProperty({
    title: '完成的环节',
    enum: ['examine', 'verify'],
    description: '完成的环节：examine 审查 / verify 审核。办件已进入其他环节时（例如他人已先办理）答复409，不会跳过环节',
  })
  @IsIn(['examine', 'verify'], { message: '请注明完成的环节：审查(examine)或审核(verify)' })
  step!: 'examine' | 'verify';

  @ApiPropertyOptional({
    title: '办件版本',
    description: '办件版本（GET /cases/:id 返回的 revision）；给出时，办件在此之后有过变动即答复409',
  })
  @IsOptional()
  @IsInt({ message: '办件版本必须是整数' })
  @Min(1, { message: '办件版本必须是正整数' })
  revision?: number;

  @ApiProperty({ title: '本环节意见', description: '本环节意见（审查意见、审核意见）', example: '材料齐全，符合法定形式，拟同意' })
  @IsString({ message: '意见必须是文字' })
  @MinLength(2, { message: '请填写本环节意见' })
  @MaxLength(2000, { message: '意见不能超过2000字' })
  opinion!: string;
}

export class ReassignDto {
  @ApiProperty({ title: '改派对象工号', description: '改派给（工号）' })
  @IsString()
  @Length(1, 64, { message: '请填写改派对象的工号' })
  assigneeId!: string;

  @ApiProperty({ title: '改派理由', description: '改派理由', example: '原承办人调岗' })
  @IsString({ message: '理由必须是文字' })
  @MinLength(2, { message: '改派必须说明理由' })
  @MaxLength(500, { message: '理由不能超过500字' })
  reason!: string;
}
