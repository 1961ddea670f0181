import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DEAD_LETTER_STATUSES, MessagingService, type DeadLetterStatus } from '@onewindow/messaging';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';
import { CurrentUser, Roles } from '../../auth/auth.decorators';
import type { AuthenticatedUser } from '../../auth/roles';
import { Clock } from '../../clock/clock';
import { PLATFORM_ERRORS } from '../../http/platform-errors';
import { PageOf } from '../../http/page-response';
import { PageQuery, type Page } from '../../http/pagination';
import { DeadLetterView, DiscardedDeadLetterView, ReplayOutcomeView, toDeadLetterView } from './dead-letter.view';
import { DiscardDeadLetterDto, discardedByOf } from './discard-dead-letter.dto';

class ListDeadLettersQuery extends PageQuery {
  @ApiPropertyOptional({ title: '死信状态', enum: DEAD_LETTER_STATUSES })
  @IsOptional()
  @IsIn(DEAD_LETTER_STATUSES, { message: `状态只能是${DEAD_LETTER_STATUSES.join('、')}` })
  status?: DeadLetterStatus;

  @ApiPropertyOptional({ title: '消费者' })
  @IsOptional()
  @IsString()
  consumer?: string;
}

class ReplayDeadLettersDto {
  @ApiPropertyOptional({ title: '死信编号', type: [String], description: 'Dead letter ids; empty means every open one in the time range' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: '死信编号格式不正确' })
  ids?: string[];

  @ApiPropertyOptional({ title: '消费者' })
  @IsOptional()
  @IsString()
  consumer?: string;

  @ApiPropertyOptional({ title: '起始时间', description: 'ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '开始时间格式不正确' })
  from?: string;

  @ApiPropertyOptional({ title: '截止时间', description: 'ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '结束时间格式不正确' })
  to?: string;
}

/** Operations on messages this service could not handle: look, replay after a fix, discard. */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/dead-letters')
@Roles('admin')
export class DeadLettersController {
  constructor(
    private readonly messaging: MessagingService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Dead letters, oldest first, with reason and original topic/partition/offset' })
  @ApiOkResponse({ type: PageOf(DeadLetterView) })
  async list(@Query() query: ListDeadLettersQuery): Promise<Page<DeadLetterView>> {
    const { items, total } = await this.messaging.replayer.list(
      { ...(query.status ? { status: query.status } : {}), ...(query.consumer ? { consumer: query.consumer } : {}) },
      query.page,
      query.pageSize,
    );
    return { items: items.map(toDeadLetterView), total, page: query.page, pageSize: query.pageSize };
  }

  @Post('replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replay open dead letters through the same consumer (idempotent)' })
  @ApiOkResponse({ type: ReplayOutcomeView })
  async replay(@Body() body: ReplayDeadLettersDto): Promise<ReplayOutcomeView> {
    const results = await this.messaging.replayer.replay({
      ...(body.ids?.length ? { ids: body.ids } : {}),
      ...(body.consumer ? { consumer: body.consumer } : {}),
      ...(body.from ? { from: new Date(body.from) } : {}),
      ...(body.to ? { to: new Date(body.to) } : {}),
    });
    return {
      replayed: results.filter((r) => r.result === 'replayed').length,
      stillFailing: results.filter((r) => r.result === 'still-failing').length,
      results,
    };
  }

  @Post(':id/discard')
  @HttpCode(200)
  @ApiOperation({ summary: 'Discard an open dead letter with a reason; who, when and why are kept with it' })
  @ApiOkResponse({ type: DiscardedDeadLetterView })
  async discard(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DiscardDeadLetterDto,
  ): Promise<DiscardedDeadLetterView> {
    const discard = { by: discardedByOf(user), at: this.clock.now(), reason: body.reason.trim() };
    if (!(await this.messaging.replayer.discard(id, discard))) {
      throw PLATFORM_ERRORS.DEAD_LETTER_NOT_FOUND();
    }
    return {
      id,
      status: 'discarded' as const,
      discardedBy: discard.by,
      discardedAt: discard.at.toISOString(),
      discardReason: discard.reason,
    };
  }
}
