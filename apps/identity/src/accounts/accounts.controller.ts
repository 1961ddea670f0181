import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, PageOf, PageQuery, Roles, type AuthenticatedUser } from '@onewindow/platform';
import { AccountChangeView, AccountView } from './account.view';
import { CreateAccountDto, ListAccountsQuery, ResetPasswordDto, UpdateAccountDto } from './accounts.dto';
import { AccountsService } from './accounts.service';

@ApiTags('accounts 账户管理')
@ApiBearerAuth()
@Controller('accounts')
@Roles('admin')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ summary: 'Staff accounts, by user name; filter by text, role, department, status' })
  @ApiOkResponse({ type: PageOf(AccountView) })
  list(@Query() query: ListAccountsQuery) {
    return this.accounts.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Create an account; the holder changes the initial password at the first sign-in' })
  @ApiCreatedResponse({ type: AccountView })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateAccountDto): Promise<AccountView> {
    return this.accounts.create(user, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: AccountView })
  get(@Param('id') id: string): Promise<AccountView> {
    return this.accounts.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change name, role, department or ID number (an administrator cannot demote themselves)' })
  @ApiOkResponse({ type: AccountView })
  update(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: UpdateAccountDto): Promise<AccountView> {
    return this.accounts.update(user, id, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: '停用: no more sign-ins, live sessions end (not one’s own account, nor the last administrator)' })
  @ApiOkResponse({ type: AccountView })
  disable(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<AccountView> {
    return this.accounts.setStatus(user, id, 'disabled');
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOkResponse({ type: AccountView })
  enable(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<AccountView> {
    return this.accounts.setStatus(user, id, 'active');
  }

  @Post(':id/password')
  @HttpCode(200)
  @ApiOperation({ summary: '重置密码: the holder must change it at the next sign-in; unlocks the account and ends its sessions' })
  @ApiOkResponse({ type: AccountView })
  resetPassword(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: ResetPasswordDto): Promise<AccountView> {
    return this.accounts.resetPassword(user, id, body.newPassword);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: '解锁: before the lock runs out' })
  @ApiOkResponse({ type: AccountView })
  unlock(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<AccountView> {
    return this.accounts.unlock(user, id);
  }

  @Get(':id/changes')
  @ApiOperation({ summary: 'The administration audit of one account, newest first' })
  @ApiOkResponse({ type: PageOf(AccountChangeView) })
  changes(@Param('id') id: string, @Query() query: PageQuery) {
    return this.accounts.changes(id, query.page, query.pageSize);
  }
}
