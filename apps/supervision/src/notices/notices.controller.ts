import { Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, DomainError, PageQuery, Roles, type AuthenticatedUser } from '@onewindow/platform';
import { NoticesService } from './notices.service';
import { NOTICE_STATUSES, type NoticeStatus } from './supervision-notice.entity';

@ApiTags('notices 监管告知')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @Roles('supervisor', 'admin', 'manager')
  @ApiOperation({ summary: "The caller's department inbox of new licence holders" })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery, @Query('status') status?: string) {
    if (status !== undefined && !(NOTICE_STATUSES as readonly string[]).includes(status)) {
      throw DomainError.validation([{ path: 'status', code: 'INVALID_STATUS', message: `告知状态只能是${NOTICE_STATUSES.join('、')}` }]);
    }
    return this.notices.list(user, { page: query.page, pageSize: query.pageSize, ...(status ? { status: status as NoticeStatus } : {}) });
  }

  @Post(':id/acknowledge')
  @Roles('supervisor')
  @ApiOperation({ summary: '认领: acknowledge a new licence holder' })
  acknowledge(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.notices.acknowledge(user, id);
  }
}
