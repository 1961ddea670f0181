import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, LEVELS, PARTY_KINDS, type Channel, type Level, type PartyKind } from '@onewindow/contracts';
import { IsChinesePhone } from '@onewindow/domain';
import { IsPartyIdentifier } from './party-identifier.validator';

export class ApplicantDto {
  @ApiProperty({ enum: PARTY_KINDS, description: 'person 自然人 / organisation 法人或其他组织' })
  @IsIn(PARTY_KINDS, { message: '申请人类型只能是自然人(person)或法人(organisation)' })
  kind!: PartyKind;

  @ApiProperty({ example: '聊城市东昌府区鲁西餐饮有限公司' })
  @IsString({ message: '申请人名称必须填写' })
  @Length(1, 100, { message: '申请人名称长度应为1到100个字' })
  name!: string;

  @ApiProperty({ description: '自然人填写居民身份证号码，法人填写统一社会信用代码', example: '91350100M000100Y43' })
  @IsPartyIdentifier('kind')
  identifier!: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @IsChinesePhone()
  phone?: string;
}

export class AcceptApplicationDto {
  @ApiProperty({ type: [String], example: ['370000-SCJG-XK-001'], description: '申请事项编码；多个事项即一件事' })
  @IsArray({ message: '请选择申请事项' })
  @ArrayMinSize(1, { message: '请至少选择一个申请事项' })
  @ArrayMaxSize(30, { message: '一次最多申请30个事项' })
  @IsString({ each: true, message: '事项编码必须是文字' })
  itemCodes!: string[];

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS, { message: '办理渠道不正确' })
  channel!: Channel;

  @ApiProperty({ enum: LEVELS })
  @IsIn(LEVELS, { message: '受理层级只能是区县、乡镇(街道)或村(社区)' })
  level!: Level;

  @ApiProperty({ type: ApplicantDto })
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant!: ApplicantDto;
}
