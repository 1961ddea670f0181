import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, PageOf, PageQuery, Roles, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { DeadlineLedgerRepository } from './deadline-ledger.repository';
import { DeadlineWatch } from './deadline-watch';
import { DeadlinesService } from './deadlines.service';
import { CaseRecordView, toCaseRecordView } from '../cases/case.view';
import { CaseReminderView, ClockEntryView, DeadlineScanView, LedgerView, toCaseReminderView, toClockEntryView } from './deadlines.view';
import { GreenChannelDto, RequestExtensionDto, ResumeCaseDto, ReviewExtensionDto, SuspendCaseDto } from './deadlines.dto';

@ApiTags('deadlines 时限与红绿灯')
@ApiBearerAuth()
@Controller()
export class DeadlinesController {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly watch: DeadlineWatch,
    private readonly ledgers: DeadlineLedgerRepository,
  ) {}

  @Get('cases/:id/deadline')
  @Roles('approver', 'admin', 'manager')
  @ApiOperation({ summary: 'The deadline ledger: suspensions, extensions, the deadline and colour computed from them' })
  @ApiOkResponse({ type: LedgerView })
  ledger(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<LedgerView> {
    return this.deadlines.ledger(user, id);
  }

  @Post('cases/:id/suspensions')
  @Roles('approver')
  @ApiOperation({ summary: '中止计时: a special procedure (听证, 现场勘察, 检验检测, 专家评审) stops the clock' })
  @ApiCreatedResponse({ type: CaseRecordView })
  async suspend(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SuspendCaseDto,
  ): Promise<CaseRecordView> {
    return toCaseRecordView(
      await this.deadlines.suspend(user, id, {
        procedure: body.procedure,
        reason: body.reason,
        ...(body.startOn ? { startOn: body.startOn } : {}),
      }),
    );
  }

  @Post('cases/:id/suspensions/:suspensionId/end')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: '恢复计时: the special procedure ended' })
  @ApiOkResponse({ type: CaseRecordView })
  async resume(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('suspensionId', new ParseUUIDPipe()) suspensionId: string,
    @Body() body: ResumeCaseDto,
  ): Promise<CaseRecordView> {
    return toCaseRecordView(await this.deadlines.resume(user, id, suspensionId, body.endOn ? { endOn: body.endOn } : {}));
  }

  @Post('cases/:id/extensions')
  @Roles('approver')
  @ApiOperation({ summary: '延期申请: more working days, with a reason; counts once approved by someone else' })
  @ApiCreatedResponse({ type: ClockEntryView })
  async requestExtension(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RequestExtensionDto,
  ): Promise<ClockEntryView> {
    return toClockEntryView(await this.deadlines.requestExtension(user, id, body));
  }

  @Post('cases/:id/extensions/:extensionId/review')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: '延期审批: approve or reject an extension (not by its requester)' })
  @ApiOkResponse({ type: ClockEntryView })
  async reviewExtension(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('extensionId', new ParseUUIDPipe()) extensionId: string,
    @Body() body: ReviewExtensionDto,
  ): Promise<ClockEntryView> {
    return toClockEntryView(
      await this.deadlines.reviewExtension(user, id, extensionId, { approve: body.approve, ...(body.note ? { note: body.note } : {}) }),
    );
  }

  @Post('cases/:id/green-channel')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: '绿色通道: flag a key project; sorted first, with a shorter target' })
  @ApiOkResponse({ type: CaseRecordView })
  async greenChannel(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: GreenChannelDto,
  ): Promise<CaseRecordView> {
    return toCaseRecordView(await this.deadlines.joinGreenChannel(user, id, body));
  }

  @Get('reminders')
  @Roles('approver')
  @ApiOperation({ summary: "催办提醒: the caller's reminders and their department pool's, newest first" })
  @ApiOkResponse({ type: PageOf(CaseReminderView) })
  async reminders(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery): Promise<Page<CaseReminderView>> {
    const page = await this.ledgers.reminders(user, query);
    return { ...page, items: page.items.map(toCaseReminderView) };
  }

  @Post('deadlines/scan')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Run the traffic-light watch now (it also runs on its own interval)' })
  @ApiOkResponse({ type: DeadlineScanView })
  scan(): Promise<DeadlineScanView> {
    return this.watch.scan();
  }
}
