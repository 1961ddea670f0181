import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, PageQuery, Roles, type AuthenticatedUser } from '@onewindow/platform';
import { HolderParams, PublishRecordDto, WithdrawRecordDto } from './records.dto';
import { RecordsService } from './records.service';

@ApiTags('records 监管信息')
@ApiBearerAuth()
@Controller()
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Post('records')
  @Roles('supervisor', 'supervisor-head')
  @ApiOperation({ summary: 'Publish a penalty (行政处罚), credit record (失信/红名单) or inspection result about a holder' })
  publish(@CurrentUser() user: AuthenticatedUser, @Body() body: PublishRecordDto) {
    return this.records.publishByUser(user, body);
  }

  @Post('records/:id/withdrawal')
  @HttpCode(200)
  @Roles('supervisor', 'supervisor-head')
  @ApiOperation({ summary: "撤回: withdraw one of the department's records (published again as withdrawn)" })
  withdraw(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: WithdrawRecordDto) {
    return this.records.withdraw(user, id, body.reason);
  }

  @Get('holders/:identifier/records')
  @Roles('supervisor', 'supervisor-head', 'approver', 'admin', 'manager')
  @ApiOperation({ summary: 'Every supervision record about a holder (credit code or resident ID)' })
  ofHolder(@Param() params: HolderParams, @Query() query: PageQuery) {
    return this.records.ofHolder(params.identifier, query.page, query.pageSize);
  }
}
