import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsResidentId } from '@onewindow/domain';
import { PageQuery, ROLES, type Role } from '@onewindow/platform';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PASSWORD_RULE } from '../passwords/password-policy';
import { ACCOUNT_STATUSES, type AccountStatus } from './account.entity';
import { USERNAME_PATTERN } from './account-rules';

const ROLE_MESSAGE = `岗位只能是${ROLES.join('、')}`;

export class CreateAccountDto {
  @ApiProperty({ description: '登录用户名：小写字母开头，3到32位小写字母、数字、_ . -', example: 'liuchuangkou' })
  @IsString({ message: '请填写用户名' })
  @Matches(USERNAME_PATTERN, { message: '用户名须以小写字母开头，由3到32位小写字母、数字、下划线、点或连字符组成' })
  username!: string;

  @ApiProperty({ example: '刘窗口' })
  @IsString({ message: '请填写姓名' })
  @Length(2, 32, { message: '姓名长度应为2到32个字' })
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role!: Role;

  @ApiPropertyOptional({ description: '所属部门或服务中心编码（审批、监管、集成岗位和综合窗口人员必填）', example: 'DCF-ZWFWZX' })
  @IsOptional()
  @IsString({ message: '部门编码必须是文字' })
  @MaxLength(64, { message: '部门编码不能超过64个字符' })
  departmentCode?: string;

  @ApiPropertyOptional({ description: '证件：居民身份证号码（选填）', example: '371502199003150021' })
  @IsOptional()
  @IsResidentId()
  idNumber?: string;

  @ApiProperty({ description: `初始密码：${PASSWORD_RULE}；首次登录须修改` })
  @IsString({ message: '请填写初始密码' })
  @MaxLength(128, { message: '密码不能超过128位' })
  password!: string;
}

/** Only what is sent changes; `null` clears the department or the ID number. */
export class UpdateAccountDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '姓名必须是文字' })
  @Length(2, 32, { message: '姓名长度应为2到32个字' })
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role?: Role;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsString({ message: '部门编码必须是文字' })
  @MaxLength(64, { message: '部门编码不能超过64个字符' })
  departmentCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsResidentId()
  idNumber?: string | null;
}

export class ResetPasswordDto {
  @ApiProperty({ description: `新密码：${PASSWORD_RULE}；账户持有人下次登录须修改` })
  @IsString({ message: '请填写新密码' })
  @MaxLength(128, { message: '密码不能超过128位' })
  newPassword!: string;
}

export class ListAccountsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '用户名或姓名中的文字' })
  @IsOptional()
  @IsString()
  @MaxLength(32, { message: '查询文字不能超过32个字' })
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  departmentCode?: string;

  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES, { message: '账户状态只能是active或disabled' })
  status?: AccountStatus;
}
