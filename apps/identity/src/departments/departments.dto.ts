import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { DEPARTMENT_KINDS, LEVELS, type DepartmentKind, type Level } from './department.entity';

export class PutDepartmentDto {
  @ApiProperty({ example: '东昌府区市场监督管理局' })
  @IsString({ message: '请填写部门名称' })
  @Length(2, 64, { message: '部门名称长度应为2到64个字' })
  name!: string;

  @ApiProperty({ enum: DEPARTMENT_KINDS })
  @IsIn(DEPARTMENT_KINDS, { message: '类型只能是department（审批/监管部门）或service-centre（服务中心）' })
  kind!: DepartmentKind;

  @ApiProperty({ enum: LEVELS })
  @IsIn(LEVELS, { message: '层级只能是district、town或village' })
  level!: Level;
}
