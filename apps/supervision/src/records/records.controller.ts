import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, PageOf, PageQuery, Roles, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { HolderParams, PublishRecordDto, WithdrawRecordDto } from './records.dto';
import { SupervisionRecordView, toSupervisionRecordView } from './record.view';
import { RecordsService } from './records.service';

@ApiTags('records 监管信息')
@ApiBearerAuth()
@Controller()
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Post('records')
  @Roles('supervisor', 'supervisor-head')
  @ApiOperation({ summary: 'Publish a penalty (行政处罚), credit record (失信/红名单) or inspection result about a holder' })
  @ApiCreatedResponse({ type: SupervisionRecordView })
  async publish(@CurrentUser() user: AuthenticatedUser, @Body() body: PublishRecordDto): Promise<SupervisionRecordView> {
    return toSupervisionRecordView(await this.records.publishByUser(user, body));
  }

  @Post('records/:id/withdrawal')
  @HttpCode(200)
  @Roles('supervisor', 'supervisor-head')
  @ApiOperation({ summary: "撤回: withdraw one of the department's records (published again as withdrawn)" })
  @ApiOkResponse({ type: SupervisionRecordView })
  async withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: WithdrawRecordDto,
  ): Promise<SupervisionRecordView> {
    return toSupervisionRecordView(await this.records.withdraw(user, id, body.reason));
  }

  @Get('holders/:identifier/records')
  @Roles('supervisor', 'supervisor-head', 'approver', 'admin', 'manager')
  @ApiOperation({ summary: 'Every supervision record about a holder (credit code or resident ID)' })
  @ApiOkResponse({ type: PageOf(SupervisionRecordView) })
  async ofHolder(@Param() params: HolderParams, @Query() query: PageQuery): Promise<Page<SupervisionRecordView>> {
    const page = await this.records.ofHolder(params.identifier, query.page, query.pageSize);
    return { ...page, items: page.items.map(toSupervisionRecordView) };
  }
}
