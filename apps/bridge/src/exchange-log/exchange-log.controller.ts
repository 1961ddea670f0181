import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  CurrentUser,
  DiscardDeadLetterDto,
  PageOf,
  PageQuery,
  Roles,
  departmentScope,
  discardedByOf,
  type AuthenticatedUser,
  type Page,
} from '@onewindow/platform';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';
import { BridgeRuntime, adaptersInScope } from '../adapters/bridge-runtime';
import { BRIDGE_DEAD_LETTER_STATUSES, type BridgeDeadLetterStatus } from './bridge-dead-letter.entity';
import { EXCHANGE_DIRECTIONS, EXCHANGE_STATUSES, type ExchangeDirection, type ExchangeStatus } from './exchange-log-entry.entity';
import { ExchangeLogRepository } from './exchange-log.repository';
import { DeadLetterRepository } from './dead-letter.repository';
import { DeadLetters } from './dead-letters.service';
import { ExchangeLog } from './exchange-log.service';
import { ReplayService } from './replay.service';
import {
  BridgeDeadLetterView,
  ChainVerificationView,
  ExchangeLogEntryView,
  ReplayReportView,
  toBridgeDeadLetterView,
  toExchangeLogEntryView,
} from './exchange-log.view';

class ExchangeLogQuery extends PageQuery {
  @ApiPropertyOptional({ title: '适配器' })
  @IsOptional()
  @IsString()
  adapterId?: string;

  @ApiPropertyOptional({ title: '受理编号' })
  @IsOptional()
  @IsString()
  applicationNumber?: string;

  @ApiPropertyOptional({ title: '方向', enum: EXCHANGE_DIRECTIONS })
  @IsOptional()
  @IsIn(EXCHANGE_DIRECTIONS, { message: `方向只能是${EXCHANGE_DIRECTIONS.join('、')}` })
  direction?: ExchangeDirection;

  @ApiPropertyOptional({ title: '交换状态', enum: EXCHANGE_STATUSES })
  @IsOptional()
  @IsIn(EXCHANGE_STATUSES, { message: `交换状态只能是${EXCHANGE_STATUSES.join('、')}` })
  status?: ExchangeStatus;

  @ApiPropertyOptional({ title: '起始时间', example: '2026-03-05T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '起始时间格式不正确' })
  from?: string;

  @ApiPropertyOptional({ title: '截止时间', example: '2026-03-06T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '截止时间格式不正确' })
  to?: string;
}

class DeadLetterQuery extends PageQuery {
  @ApiPropertyOptional({ title: '适配器' })
  @IsOptional()
  @IsString()
  adapterId?: string;

  @ApiPropertyOptional({ title: '死信状态', enum: BRIDGE_DEAD_LETTER_STATUSES })
  @IsOptional()
  @IsIn(BRIDGE_DEAD_LETTER_STATUSES, { message: `死信状态只能是${BRIDGE_DEAD_LETTER_STATUSES.join('、')}` })
  status?: BridgeDeadLetterStatus;
}

class ReplayDto {
  @ApiPropertyOptional({ title: '死信编号', type: [String] })
  @IsOptional()
  @IsArray({ message: '死信编号应为列表' })
  @ArrayMaxSize(500, { message: '一次最多重放500条' })
  @IsUUID('all', { each: true, message: '死信编号格式不正确' })
  ids?: string[];

  @ApiPropertyOptional({ title: '起始时间', example: '2026-03-05T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '起始时间格式不正确' })
  from?: string;

  @ApiPropertyOptional({ title: '截止时间', example: '2026-03-06T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '截止时间格式不正确' })
  to?: string;

  @ApiPropertyOptional({ title: '适配器' })
  @IsOptional()
  @IsString()
  adapterId?: string;
}

@ApiTags('exchange log 交换日志')
@ApiBearerAuth()
@Controller()
export class ExchangeLogController {
  constructor(
    private readonly entries: ExchangeLogRepository,
    private readonly log: ExchangeLog,
    private readonly runtime: BridgeRuntime,
    private readonly replays: ReplayService,
    private readonly discards: DeadLetters,
    private readonly letters: DeadLetterRepository,
  ) {}

  @Get('exchange-log')
  @Roles('integrator', 'admin', 'manager')
  @ApiOperation({
    summary: 'Every exchange: direction, adapter, application number, payload hash, status, attempts, duration; newest first',
  })
  @ApiOkResponse({ type: PageOf(ExchangeLogEntryView) })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: ExchangeLogQuery): Promise<Page<ExchangeLogEntryView>> {
    const page = await this.entries.list({ ...query, adapters: adaptersInScope(this.runtime, departmentScope(user), query.adapterId) });
    return { ...page, items: page.items.map(toExchangeLogEntryView) };
  }

  @Get('exchange-log/verify')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Recomputes the hash chain: intact, or the first row changed or missing' })
  @ApiOkResponse({ type: ChainVerificationView })
  verify(): Promise<ChainVerificationView> {
    return this.log.verify();
  }

  @Get('dead-letters')
  @Roles('integrator', 'admin')
  @ApiOperation({ summary: 'Dead letters with the failing field and rule, newest first' })
  @ApiOkResponse({ type: PageOf(BridgeDeadLetterView) })
  async deadLetters(@CurrentUser() user: AuthenticatedUser, @Query() query: DeadLetterQuery): Promise<Page<BridgeDeadLetterView>> {
    const page = await this.letters.list({ ...query, adapters: adaptersInScope(this.runtime, departmentScope(user), query.adapterId) });
    return { ...page, items: page.items.map(toBridgeDeadLetterView) };
  }

  @Post('dead-letters/replay')
  @HttpCode(200)
  @Roles('integrator', 'admin')
  @ApiOperation({ summary: '重放: dead letters by id or by time range (and adapter), after the cause was fixed' })
  @ApiOkResponse({ type: ReplayReportView })
  replay(@CurrentUser() user: AuthenticatedUser, @Body() body: ReplayDto): Promise<ReplayReportView> {
    return this.replays.replay(body, departmentScope(user));
  }

  @Post('dead-letters/:id/discard')
  @HttpCode(200)
  @Roles('integrator', 'admin')
  @ApiOperation({
    summary: '丢弃: an open dead letter is not carried, with a reason; who, when and why are kept and logged in the hash chain',
  })
  @ApiOkResponse({ type: BridgeDeadLetterView })
  async discard(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DiscardDeadLetterDto,
  ): Promise<BridgeDeadLetterView> {
    return toBridgeDeadLetterView(
      await this.discards.discard(id, departmentScope(user), { by: discardedByOf(user), reason: body.reason.trim() }),
    );
  }
}
