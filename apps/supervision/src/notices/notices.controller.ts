import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentUser, PageOf, PageQuery, Roles, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { NoticeWatch } from './notice-watch';
import { NoticesService } from './notices.service';
import { NOTICE_STATUSES, type NoticeStatus } from './supervision-notice.entity';
import { EscalationScanView, EscalationsView, NoticeView, toNoticeView } from './notice.view';

class ListNoticesQuery extends PageQuery {
  @ApiPropertyOptional({ title: '告知状态', enum: NOTICE_STATUSES })
  @IsOptional()
  @IsIn(NOTICE_STATUSES, { message: `告知状态只能是${NOTICE_STATUSES.join('、')}` })
  status?: NoticeStatus;

  @ApiPropertyOptional({ title: '事项编码', example: 'DCF-SCJG-XK-001' })
  @IsOptional()
  @IsString({ message: '事项编码格式不正确' })
  @Length(1, 64, { message: '事项编码长度应为1到64个字符' })
  itemCode?: string;

  @ApiPropertyOptional({ title: '持证主体证件号码', description: '持证主体的统一社会信用代码或身份证号码' })
  @IsOptional()
  @IsString({ message: '持证主体证件号码格式不正确' })
  @Length(18, 18, { message: '持证主体证件号码应为18位' })
  holder?: string;
}

@ApiTags('notices 监管告知')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(
    private readonly notices: NoticesService,
    private readonly watch: NoticeWatch,
  ) {}

  @Get()
  @Roles('supervisor', 'supervisor-head', 'admin', 'manager')
  @ApiOperation({ summary: "The caller's department inbox of new licence holders (filter by status, item, holder)" })
  @ApiOkResponse({ type: PageOf(NoticeView) })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListNoticesQuery): Promise<Page<NoticeView>> {
    const page = await this.notices.list(user, {
      page: query.page,
      pageSize: query.pageSize,
      ...(query.status ? { status: query.status } : {}),
      ...(query.itemCode ? { itemCode: query.itemCode } : {}),
      ...(query.holder ? { holder: query.holder } : {}),
    });
    return { ...page, items: page.items.map(toNoticeView) };
  }

  @Get('escalated')
  @Roles('supervisor-head', 'admin', 'manager')
  @ApiOperation({ summary: '督办: notices not acknowledged in time, for the department head, with counts per department' })
  @ApiOkResponse({ type: EscalationsView })
  escalated(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery): Promise<EscalationsView> {
    return this.notices.escalations(user, query.page, query.pageSize);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('supervisor', 'supervisor-head')
  @ApiOperation({ summary: '认领: acknowledge a new licence holder' })
  @ApiOkResponse({ type: NoticeView })
  async acknowledge(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<NoticeView> {
    return toNoticeView(await this.notices.acknowledge(user, id));
  }

  @Post('escalation-scan')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Runs the escalation watch once now (it also runs every NOTICE_WATCH_INTERVAL_MS)' })
  @ApiOkResponse({ type: EscalationScanView })
  scan(): Promise<EscalationScanView> {
    return this.watch.scan();
  }
}
