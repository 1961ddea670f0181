import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiDocumentResponse, CurrentUser, IsCalendarDate, Roles, type AuthenticatedUser } from '@onewindow/platform';
import { IsString, Length } from 'class-validator';
import { ADAPTERS_FILE_SCHEMA } from './adapters-file.schema';
import { AdaptersService } from './adapters.service';
import { ConfigurationReloads } from './configuration-reload.service';
import { ConfigurationReloadView } from './configuration-reload.view';
import { AdapterHealthView, ReconciliationView, ResumedAdapterView } from './adapter.view';

class PauseAdapterDto {
  @ApiProperty({ title: '暂停原因', example: '卫健委许可系统升级，3月5日20:00至22:00暂停接收' })
  @IsString({ message: '请填写暂停原因' })
  @Length(2, 200, { message: '暂停原因应为2至200个字' })
  reason!: string;
}

class ReconciliationQuery {
  @ApiProperty({ title: '对账日期', example: '2026-03-05' })
  @IsCalendarDate()
  date!: string;
}

@ApiTags('adapters 部门系统适配器')
@ApiBearerAuth()
@Controller('adapters')
export class AdaptersController {
  constructor(
    private readonly adapters: AdaptersService,
    private readonly reloads: ConfigurationReloads,
  ) {}

  @Get()
  @Roles('integrator', 'admin', 'manager')
  @ApiOperation({ summary: 'Every adapter with its health: up, degraded (last exchange failed) or paused; pending and failed deliveries' })
  @ApiOkResponse({ type: [AdapterHealthView] })
  list(@CurrentUser() user: AuthenticatedUser): Promise<AdapterHealthView[]> {
    return this.adapters.list(user);
  }

  @Post('reload')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      '重新加载配置: reads the adapters file again; valid mappings, code tables and delivery settings are in force at once for new deliveries and replays; an invalid file (or a change only a restart can make) is refused with every problem by path (422) and the running configuration kept; recorded with who and when',
  })
  @ApiOkResponse({ type: ConfigurationReloadView })
  reload(@CurrentUser() user: AuthenticatedUser): Promise<ConfigurationReloadView> {
    return this.reloads.reload(user);
  }

  @Get('reloads')
  @Roles('admin')
  @ApiOperation({ summary: 'The latest reloads of the adapters file, newest first' })
  @ApiOkResponse({ type: [ConfigurationReloadView] })
  latestReloads(): Promise<ConfigurationReloadView[]> {
    return this.reloads.latest();
  }

  @Get('schema')
  @Roles('integrator', 'admin')
  @ApiOperation({ summary: "The adapters file's JSON Schema (2020-12): the shape start-up and reload check a file against, for editors" })
  @Header('Content-Type', 'application/schema+json; charset=utf-8')
  @ApiDocumentResponse('application/schema+json', 'The JSON Schema of the adapters file (BRIDGE_ADAPTERS_FILE)')
  schema(): string {
    return JSON.stringify(ADAPTERS_FILE_SCHEMA, null, 2);
  }

  @Get(':id')
  @Roles('integrator', 'admin', 'manager')
  @ApiOperation({ summary: "One adapter's health" })
  @ApiOkResponse({ type: AdapterHealthView })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<AdapterHealthView> {
    return this.adapters.get(user, id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles('integrator', 'admin')
  @ApiOperation({ summary: '暂停维护: deliveries wait (nothing is lost), polling stops, webhooks answer 503' })
  @ApiOkResponse({ type: AdapterHealthView })
  pause(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: PauseAdapterDto): Promise<AdapterHealthView> {
    return this.adapters.pause(user, id, body.reason);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles('integrator', 'admin')
  @ApiOperation({ summary: 'Resume and send everything that waited at once' })
  @ApiOkResponse({ type: ResumedAdapterView })
  resume(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<ResumedAdapterView> {
    return this.adapters.resume(user, id);
  }

  @Get(':id/reconciliation')
  @Roles('integrator', 'admin', 'manager')
  @ApiOperation({ summary: '每日对账: sent, acknowledged, results received, dead letters of one day (China time), with a report' })
  @ApiOkResponse({ type: ReconciliationView })
  reconciliation(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Query() query: ReconciliationQuery,
  ): Promise<ReconciliationView> {
    return this.adapters.reconciliation(user, id, query.date);
  }
}
