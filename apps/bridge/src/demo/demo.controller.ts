import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DomainError, Roles } from '@onewindow/platform';
import { IsIn, IsObject, IsOptional, Matches } from 'class-validator';
import { BridgeRuntime } from '../adapters/bridge-runtime';
import type { DemoDepartmentSystems } from './demo-department-systems';
import { DemoSystemsView, DepartmentFileWrittenView, ReceivedDepartmentFileView } from './demo.view';

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
  @ApiProperty({ title: '记录', description: 'The record in the 住建局 system’s own fields, e.g. { "SLBH": "YC…", "SXBM": "DCF-ZJ-XK-012", "BLJG": "1", … }' })
  @IsObject({ message: '记录必须是“字段 → 内容”的对象' })
  record!: Record<string, unknown>;
}

/** Where the simulated department systems run (development and tests only), to watch what reached them and act as them. */
@ApiTags('demo 演示部门系统')
@ApiBearerAuth()
@Controller('demo/department-systems')
export class DemoController {
  constructor(private readonly runtime: BridgeRuntime) {}

  @Get()
  @Roles('integrator', 'admin')
  @ApiOperation({ summary: 'The demo systems: the 市场监管局 REST URL and the cases it received, the 卫健委 and 住建局 folders, the 消防 schema' })
  @ApiOkResponse({ type: DemoSystemsView })
  systems(): DemoSystemsView {
    const demo = this.demo();
    const { outbox, results, receipts } = demo.construction;
    return { market: demo.market, health: demo.health, construction: { outbox, results, receipts }, fire: demo.fire, sharedData: demo.sharedData };
  }

  @Get('construction/received')
  @Roles('integrator', 'admin')
  @ApiOperation({ summary: 'The files the demo 住建局施工许可系统 received (applications, supplements, corrections), read as its importer reads them' })
  @ApiOkResponse({ type: [ReceivedDepartmentFileView] })
  received(@Query() query: ReceivedQuery): Promise<ReceivedDepartmentFileView[]> {
    return this.demo().construction.received(query.applicationNumber);
  }

  @Post('construction/:kind')
  @HttpCode(201)
  @Roles('integrator', 'admin')
  @ApiOperation({ summary: 'Act as the demo 住建局施工许可系统: it writes a result (准予/不予/退回补正) or a 受理回执 as its GBK XML file, for the bridge to read' })
  @ApiCreatedResponse({ type: DepartmentFileWrittenView })
  async write(@Param() params: DepartmentFileParams, @Body() body: DepartmentFileDto): Promise<DepartmentFileWrittenView> {
    return { file: await this.demo().construction.write(params.kind, body.record) };
  }

  private demo(): DemoDepartmentSystems {
    const demo = this.runtime.demo;
    if (!demo) throw new DomainError('NO_DEMO_SYSTEMS', '未启动演示部门系统（已配置 BRIDGE_ADAPTERS_FILE）', 404);
    return demo;
  }
}
