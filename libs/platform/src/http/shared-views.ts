import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTOR_KINDS, PARTY_KINDS, type ActorKind, type PartyKind } from '@onewindow/contracts';

/**
 * The OpenAPI schemas of the shapes every service answers with (the contract types they keep):
 * an applicant or holder, who acted, a department.
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
