import { Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiDocumentResponse, CurrentUser, PageOf, Roles, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { KpiQuery, MonitoringCasesQuery, OverdueQuery, ReportParams, ReportQuery } from './monitoring.dto';
import { MonitoringService } from './monitoring.service';
import { KpiReportView, MonitoredCaseView, MonthlyReportView, OverdueCasesView, RebuildView, toMonitoredCaseView } from './monitoring.view';
import { renderReportCsv, renderReportHtml } from './monthly-report';

/** Management sees every department; a supervisor or department head sees their own department. */
const MONITORING_READERS = ['manager', 'admin', 'supervisor', 'supervisor-head'] as const;

@ApiTags('monitoring 电子监察')
@ApiBearerAuth()
@Controller('monitoring')
export class MonitoringController {
  constructor(private readonly monitoring: MonitoringService) {}

  @Get('cases')
  @Roles(...MONITORING_READERS)
  @ApiOperation({ summary: 'Cases with their deadline colours (红绿灯), filter by status, colour, department' })
  @ApiOkResponse({ type: PageOf(MonitoredCaseView) })
  async cases(@CurrentUser() user: AuthenticatedUser, @Query() query: MonitoringCasesQuery): Promise<Page<MonitoredCaseView>> {
    const page = await this.monitoring.cases(user, {
      page: query.page,
      pageSize: query.pageSize,
      ...(query.status ? { status: query.status } : {}),
      ...(query.colour ? { colour: query.colour } : {}),
      ...(query.department ? { departmentCode: query.department } : {}),
    });
    return { ...page, items: page.items.map(toMonitoredCaseView) };
  }

  @Get('overdue')
  @Roles(...MONITORING_READERS)
  @ApiOperation({ summary: '超期预警: open cases past their deadline today' })
  @ApiOkResponse({ type: OverdueCasesView })
  async overdue(@CurrentUser() user: AuthenticatedUser, @Query() query: OverdueQuery): Promise<OverdueCasesView> {
    const overdue = await this.monitoring.overdue(user, query.department, query.page, query.pageSize);
    return { ...overdue, items: overdue.items.map(toMonitoredCaseView) };
  }

  @Get('kpis')
  @Roles(...MONITORING_READERS)
  @ApiOperation({
    summary:
      'KPIs (办结率, 按时办结率, 承诺时限压缩率, 网上办理率, 一窗受理率, 跑动次数, 满意率, 差评整改率, 审管互动) of a slice, optionally grouped',
  })
  @ApiOkResponse({ type: KpiReportView })
  kpis(@CurrentUser() user: AuthenticatedUser, @Query() query: KpiQuery): Promise<KpiReportView> {
    return this.monitoring.kpis(
      user,
      {
        ...(query.department ? { departmentCode: query.department } : {}),
        ...(query.itemCode ? { itemCode: query.itemCode } : {}),
        ...(query.level ? { level: query.level } : {}),
        ...(query.channel ? { channel: query.channel } : {}),
        ...(query.from ? { fromMonth: query.from } : {}),
        ...(query.to ? { toMonth: query.to } : {}),
      },
      query.groupBy,
    );
  }

  @Get('reports/:month')
  @Roles(...MONITORING_READERS)
  @ApiOperation({ summary: "月报: a department's KPIs and overdue cases for a month (JSON)" })
  @ApiOkResponse({ type: MonthlyReportView })
  report(@CurrentUser() user: AuthenticatedUser, @Param() params: ReportParams, @Query() query: ReportQuery): Promise<MonthlyReportView> {
    return this.monitoring.monthlyReport(user, params.month, query.department);
  }

  @Get('reports/:month/report.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Roles(...MONITORING_READERS)
  @ApiOperation({ summary: '月报, printable Chinese page with inline SVG charts' })
  @ApiDocumentResponse('text/html', 'A printable A4 page in Chinese')
  async reportHtml(@CurrentUser() user: AuthenticatedUser, @Param() params: ReportParams, @Query() query: ReportQuery): Promise<string> {
    return renderReportHtml(await this.monitoring.monthlyReport(user, params.month, query.department));
  }

  @Get('reports/:month/report.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Roles(...MONITORING_READERS)
  @ApiOperation({ summary: '月报 as CSV' })
  @ApiDocumentResponse('text/csv', 'The report as CSV')
  async reportCsv(@CurrentUser() user: AuthenticatedUser, @Param() params: ReportParams, @Query() query: ReportQuery): Promise<string> {
    return renderReportCsv(await this.monitoring.monthlyReport(user, params.month, query.department));
  }

  @Post('rebuild')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Empties the read model and applies the stored event log again' })
  @ApiOkResponse({ type: RebuildView })
  rebuild(): Promise<RebuildView> {
    return this.monitoring.rebuild();
  }
}
