import { Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { CurrentUser, PageQuery, Roles, type AuthenticatedUser } from '@onewindow/platform';
import { IsIn, IsOptional } from 'class-validator';
import { NoticesService } from './notices.service';
import { NOTICE_STATUSES, type NoticeStatus } from './supervision-notice.entity';

class ListNoticesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: NOTICE_STATUSES })
  @IsOptional()
  @IsIn(NOTICE_STATUSES, { message: `告知状态只能是${NOTICE_STATUSES.join('、')}` })
  status?: NoticeStatus;
}

@ApiTags('notices 监管告知')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @Roles('supervisor', 'admin', 'manager')
  @ApiOperation({ summary: "The caller's department inbox of new licence holders" })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListNoticesQuery) {
    return this.notices.list(user, { page: query.page, pageSize: query.pageSize, ...(query.status ? { status: query.status } : {}) });
  }

  @Post(':id/acknowledge')
  @Roles('supervisor')
  @ApiOperation({ summary: '认领: acknowledge a new licence holder' })
  acknowledge(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.notices.acknowledge(user, id);
  }
}
