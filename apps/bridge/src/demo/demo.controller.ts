import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Clock, Roles } from '@onewindow/platform';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { BridgeRuntime } from '../adapters/bridge-runtime';
import { DEMO_ERRORS } from './demo-errors';
import type { DemoDepartmentSystems } from './demo-department-systems';
import { DemoSystemsView, DepartmentFileWrittenView, ReceivedDepartmentFileView, SocialInsuranceCaseView } from './demo.view';

class ReceivedQuery {
  @ApiPropertyOptional({ title: '受理编号', example: 'YC20261207000058' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{6,40}$/, { message: '受理编号格式不正确' })
  applicationNumber?: string;
}

class DepartmentFileParams {
  @ApiProperty({ enum: ['result', 'acknowledgement'] })
  @IsIn(['result', 'acknowledgement'], { message: '只能写入办理结果（result）或受理回执（acknowledgement）' })
  kind!: 'result' | 'acknowledgement';
}

class DepartmentFileDto {
  @ApiProperty({
    title: '记录',
    description: 'The record in the 住建局 system’s own fields, e.g. { "SLBH": "YC…", "SXBM": "DCF-ZJ-XK-012", "BLJG": "1", … }',
  })
  @IsObject({ message: '记录必须是“字段 → 内容”的对象' })
  record!: Record<string, unknown>;
}

class SocialInsuranceCaseParams {
  @ApiProperty({ title: '业务流水号', example: 'RSCB37150200000001' })
  @Matches(/^RSCB\d{14}$/, { message: '业务流水号格式不正确' })
  ywlsh!: string;
}

class SocialInsuranceDecisionDto {
  @ApiProperty({ title: '是否办结', description: 'true: 已办结 with the 参保登记证号; false: 不予受理 with the reason' })
  @IsBoolean({ message: '是否办结必须是 true 或 false' })
  approve!: boolean;

  @ApiPropertyOptional({ title: '参保登记证号', example: '鲁社保字371502202600318号' })
  @ValidateIf((dto: SocialInsuranceDecisionDto) => dto.approve === true)
  @IsString({ message: '办结须填写参保登记证号' })
  @MinLength(4, { message: '办结须填写参保登记证号' })
  @MaxLength(50, { message: '参保登记证号不能超过 50 个字' })
  djzh?: string;

  @ApiPropertyOptional({ title: '不予受理原因', example: '该单位已在聊城市社会保险事业中心办理参保登记，不得重复登记' })
  @ValidateIf((dto: SocialInsuranceDecisionDto) => dto.approve === false)
  @IsString({ message: '不予受理须填写原因' })
  @MinLength(4, { message: '不予受理须填写原因' })
  @MaxLength(500, { message: '不予受理原因不能超过 500 个字' })
  reason?: string;
}

/** Where the simulated department systems run (development and tests only), to watch what reached them and act as them. */
@ApiTags('demo 演示部门系统')
@ApiBearerAuth()
@Controller('demo/department-systems')
export class DemoController {
  constructor(
    private readonly runtime: BridgeRuntime,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('integrator', 'admin')
  @ApiOperation({
    summary: 'The demo systems: the 市场监管局 REST URL and the cases it received, the 卫健委 and 住建局 folders, the 消防 schema',
  })
  @ApiOkResponse({ type: DemoSystemsView })
  systems(): DemoSystemsView {
    const demo = this.demo();
    const { outbox, results, receipts } = demo.construction;
    return {
      market: demo.market,
      health: demo.health,
      construction: { outbox, results, receipts },
      fire: demo.fire,
      socialInsurance: { url: demo.socialInsurance.url },
      sharedData: demo.sharedData,
      adaptersFile: this.runtime.configurationFile ?? '',
    };
  }

  @Get('construction/received')
  @Roles('integrator', 'admin')
  @ApiOperation({
    summary: 'The files the demo 住建局施工许可系统 received (applications, supplements, corrections), read as its importer reads them',
  })
  @ApiOkResponse({ type: [ReceivedDepartmentFileView] })
  received(@Query() query: ReceivedQuery): Promise<ReceivedDepartmentFileView[]> {
    return this.demo().construction.received(query.applicationNumber);
  }

  @Post('construction/:kind')
  @HttpCode(201)
  @Roles('integrator', 'admin')
  @ApiOperation({
    summary:
      'Act as the demo 住建局施工许可系统: it writes a result (准予/不予/退回补正) or a 受理回执 as its GBK XML file, for the bridge to read',
  })
  @ApiCreatedResponse({ type: DepartmentFileWrittenView })
  async write(@Param() params: DepartmentFileParams, @Body() body: DepartmentFileDto): Promise<DepartmentFileWrittenView> {
    return { file: await this.demo().construction.write(params.kind, body.record) };
  }

  @Get('social-insurance/cases')
  @Roles('integrator', 'admin')
  @ApiOperation({ summary: 'The cases in the demo 人社局社会保险经办系统’s own store, as the browser adapter typed them' })
  @ApiOkResponse({ type: [SocialInsuranceCaseView] })
  socialInsuranceCases(): SocialInsuranceCaseView[] {
    return this.demo().socialInsurance.cases();
  }

  @Post('social-insurance/cases/:ywlsh/decision')
  @HttpCode(200)
  @Roles('integrator', 'admin')
  @ApiOperation({
    summary:
      'Act as the 人社局 clerk: 办结 a case with its 参保登记证号, or 不予受理 with the reason; the bridge reads it on the query page',
  })
  @ApiOkResponse({ type: SocialInsuranceCaseView })
  decideSocialInsurance(@Param() params: SocialInsuranceCaseParams, @Body() body: SocialInsuranceDecisionDto): SocialInsuranceCaseView {
    const system = this.demo().socialInsurance;
    const found = system.cases().find((c) => c.ywlsh === params.ywlsh);
    if (!found) throw DEMO_ERRORS.CASE_NOT_FOUND({ ywlsh: params.ywlsh });
    if (found.status !== '受理中') throw DEMO_ERRORS.CASE_DECIDED({ ywlsh: params.ywlsh, status: found.status });
    // The system writes its own China-time stamp.
    const at = new Date(this.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    return system.decide(
      params.ywlsh,
      body.approve ? { approve: true, djzh: body.djzh as string, at } : { approve: false, reason: body.reason as string, at },
    );
  }

  private demo(): DemoDepartmentSystems {
    const demo = this.runtime.demo;
    if (!demo) throw DEMO_ERRORS.NO_DEMO_SYSTEMS();
    return demo;
  }
}
