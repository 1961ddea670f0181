import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@onewindow/platform';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PASSWORD_RULE } from '../passwords/password-policy';
import { SIGN_IN_OUTCOMES, type SignInOutcome } from './sign-in-record.entity';

export class SignInDto {
  @ApiProperty({ example: 'lishouli' })
  @IsString({ message: '请输入用户名' })
  @IsNotEmpty({ message: '请输入用户名' })
  @MaxLength(64, { message: '用户名不能超过64个字符' })
  username!: string;

  @ApiProperty({ example: 'Demo@2026' })
  @IsString({ message: '请输入密码' })
  @IsNotEmpty({ message: '请输入密码' })
  @MaxLength(128, { message: '密码不能超过128位' })
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString({ message: '请输入当前密码' })
  @IsNotEmpty({ message: '请输入当前密码' })
  @MaxLength(128, { message: '密码不能超过128位' })
  currentPassword!: string;

  @ApiProperty({ description: PASSWORD_RULE })
  @IsString({ message: '请输入新密码' })
  @MaxLength(128, { message: '密码不能超过128位' })
  newPassword!: string;
}

export class ListSignInsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '登录时输入的用户名' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  username?: string;

  @ApiPropertyOptional({ enum: SIGN_IN_OUTCOMES })
  @IsOptional()
  @IsIn(SIGN_IN_OUTCOMES, { message: `结果只能是${SIGN_IN_OUTCOMES.join('、')}` })
  outcome?: SignInOutcome;

  @ApiPropertyOptional({ description: 'ISO 8601, inclusive' })
  @IsOptional()
  @IsISO8601({}, { message: '开始时间格式不正确' })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601, exclusive' })
  @IsOptional()
  @IsISO8601({}, { message: '结束时间格式不正确' })
  to?: string;
}
