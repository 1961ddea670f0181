import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { FormCorrectionResponse, toFormCorrectionResponse } from '../forms/form-correction.responses';
import { CHANNELS, LEVELS } from '@onewindow/contracts';
import { Transform } from 'class-transformer';
import { CurrentUser, IsCalendarDate, PageOf, PageQuery, Roles, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { APPLICATION_STATUSES, type ApplicationStatus } from './application.entity';
import { FileApplicationDto, FormAnswersDto, SupplementDto } from './accept-application.dto';
import { ApplicationQueries } from './application-queries';
import { FilingService } from './filing.service';
import { MaterialsReviewService } from './materials-review.service';
import { PartFollowUpService } from './part-follow-up.service';
import { ApplicationView, toApplicationView } from './application.view';

class ListApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ title: '申请状态', enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES, { message: `申请状态只能是${APPLICATION_STATUSES.join('、')}` })
  status?: ApplicationStatus;

  @ApiPropertyOptional({ title: '办理渠道', enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, { message: '办理渠道不正确' })
  channel?: string;

  @ApiPropertyOptional({ title: '一件事编码', description: '一件事编码' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  bundle?: string;

  @ApiPropertyOptional({ title: '收件层级', enum: LEVELS, description: '收件层级' })
  @IsOptional()
  @IsIn(LEVELS, { message: '受理层级只能是区县、乡镇(街道)或村(社区)' })
  level?: string;

  @ApiPropertyOptional({ title: '只看转报的申请', description: '乡呼县应：只看乡镇/村窗口转报区县的申请' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  handedUp?: boolean;

  @ApiPropertyOptional({ title: '待补正', description: '退回补正：只看部门要求补正、材料尚未补齐的申请' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  supplementRequested?: boolean;

  @ApiPropertyOptional({ title: '收件日期', description: '收件日期（北京时间）YYYY-MM-DD', example: '2026-03-05' })
  @IsOptional()
  @IsCalendarDate()
  receivedOn?: string;

  @ApiPropertyOptional({ title: '受理编号', description: '受理编号', example: 'YC20260305000123' })
  @IsOptional()
  @Matches(/^YC\d{14}$/, { message: '受理编号格式应为YC加14位数字' })
  number?: string;
}

@ApiTags('applications 申请')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly filing: FilingService,
    private readonly review: MaterialsReviewService,
    private readonly followUp: PartFollowUpService,
    private readonly applications: ApplicationQueries,
  ) {}

  @Post()
  @Roles('clerk')
  @ApiOperation({
    summary: '收件与材料审查 File an application at the window',
    description:
      'Items or a bundle (一件事), the applicant, the situation answers and the materials check. Complete → accepted (受理, status `accepted`); ' +
      'otherwise one notice lists every missing or faulty material (一次性告知, status `awaiting-supplement`). Bad input is refused field by field and nothing is saved.',
  })
  @ApiCreatedResponse({
    type: ApplicationView,
    description: 'Accepted (受理), or recorded with its one-time notice (status awaiting-supplement)',
  })
  async file(@Body() body: FileApplicationDto, @CurrentUser() clerk: AuthenticatedUser): Promise<ApplicationView> {
    return toApplicationView(await this.filing.file(body, clerk));
  }

  @Post(':id/supplement')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: '补正 The applicant brings what the notice asked for; the file is checked again' })
  @ApiOkResponse({ type: ApplicationView })
  async supplement(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SupplementDto,
    @CurrentUser() clerk: AuthenticatedUser,
  ): Promise<ApplicationView> {
    return toApplicationView(await this.review.supplement(id, body, clerk));
  }

  @Post('drafts')
  @Roles('clerk')
  @ApiOperation({
    summary: '收件草稿 Record an application (status `draft`); check its materials later with `POST /applications/:id/check`',
  })
  @ApiCreatedResponse({ type: ApplicationView })
  async draft(@Body() body: FileApplicationDto, @CurrentUser() clerk: AuthenticatedUser): Promise<ApplicationView> {
    return toApplicationView(await this.filing.draft(body, clerk));
  }

  @Post(':id/check')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({
    summary: '材料审查 / 网上预审 Check a draft or an online submission',
    description:
      'Complete → accepted (online: without a visit); incomplete → the one-time notice. Materials already recorded count as provided unless listed.',
  })
  @ApiOkResponse({ type: ApplicationView })
  async check(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SupplementDto,
    @CurrentUser() clerk: AuthenticatedUser,
  ): Promise<ApplicationView> {
    return toApplicationView(await this.review.check(id, body, clerk));
  }

  @Post(':id/parts/:partId/deficiencies/:materialCode/received')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({ summary: '容缺材料补交 A material accepted as missing has arrived (idempotent)' })
  @ApiOkResponse({ type: ApplicationView })
  async receiveDeficiency(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('partId', new ParseUUIDPipe()) partId: string,
    @Param('materialCode') materialCode: string,
  ): Promise<ApplicationView> {
    await this.followUp.receiveDeficiency(id, partId, materialCode);
    return toApplicationView(await this.applications.get(id));
  }

  @Post(':id/parts/:partId/supplement-received')
  @HttpCode(200)
  @Roles('clerk')
  @ApiOperation({
    summary: '补正材料已补齐: the materials a department asked for during review arrived; its clock runs again',
    description: 'With `form`: the corrected 申请表 answers, sent back to the department with what changed (kept in the form’s history).',
  })
  @ApiOkResponse({ type: ApplicationView })
  async receiveRequestedSupplement(
    @CurrentUser() clerk: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('partId', new ParseUUIDPipe()) partId: string,
    @Body() body: FormAnswersDto,
  ): Promise<ApplicationView> {
    await this.followUp.receiveRequestedSupplement(id, partId, clerk, body);
    return toApplicationView(await this.applications.get(id));
  }

  @Get()
  @Roles('clerk', 'admin', 'manager')
  @ApiOperation({ summary: 'Applications, newest first, filtered by status, channel, bundle or number' })
  @ApiOkResponse({ type: PageOf(ApplicationView) })
  async list(@Query() query: ListApplicationsQuery): Promise<Page<ApplicationView>> {
    const page = await this.applications.list({
      page: query.page,
      pageSize: query.pageSize,
      ...(query.status ? { status: query.status } : {}),
      ...(query.channel ? { channel: query.channel } : {}),
      ...(query.bundle ? { bundleCode: query.bundle } : {}),
      ...(query.number ? { number: query.number } : {}),
      ...(query.level ? { level: query.level } : {}),
      ...(query.handedUp ? { handedUp: true } : {}),
      ...(query.supplementRequested ? { supplementRequested: true } : {}),
      ...(query.receivedOn ? { receivedOn: query.receivedOn } : {}),
    });
    return { ...page, items: page.items.map(toApplicationView) };
  }

  @Get(':id/form-corrections')
  @Roles('clerk', 'admin', 'manager')
  @ApiOperation({ summary: '申请表更正记录: every correction of the application’s form — what changed, who, when' })
  @ApiOkResponse({ type: [FormCorrectionResponse] })
  async formCorrections(@Param('id', new ParseUUIDPipe()) id: string): Promise<FormCorrectionResponse[]> {
    return (await this.applications.formCorrections(id)).map(toFormCorrectionResponse);
  }

  @Get(':id')
  @Roles('clerk', 'admin', 'manager')
  @ApiOperation({ summary: 'One application with its parts, materials and decisions' })
  @ApiOkResponse({ type: ApplicationView })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ApplicationView> {
    return toApplicationView(await this.applications.get(id));
  }
}
