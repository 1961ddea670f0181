import { ApiProperty } from '@nestjs/swagger';
import { DEPARTMENT_KINDS, LEVELS, type Department, type DepartmentKind, type Level } from './department.entity';

export class DepartmentView {
  @ApiProperty({ example: 'DCF-SCJGJ' })
  code!: string;

  @ApiProperty({ example: '东昌府区市场监督管理局' })
  name!: string;

  @ApiProperty({ enum: DEPARTMENT_KINDS, description: 'department 审批/监管部门; service-centre 政务服务中心/便民服务中心' })
  kind!: DepartmentKind;

  @ApiProperty({ enum: LEVELS, description: 'district 区县 / town 乡镇（街道） / village 村（社区）' })
  level!: Level;
}

export function toDepartmentView(department: Department): DepartmentView {
  return { code: department.code, name: department.name, kind: department.kind, level: department.level };
}
