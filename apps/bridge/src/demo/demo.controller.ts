import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, Roles } from '@onewindow/platform';
import { BridgeRuntime } from '../adapters/bridge-runtime';
import { DemoSystemsView } from './demo.view';

/** Where the simulated department systems run (development and tests only), to watch what reached them. */
@ApiTags('demo 演示部门系统')
@ApiBearerAuth()
@Controller('demo/department-systems')
export class DemoController {
  constructor(private readonly runtime: BridgeRuntime) {}

  @Get()
  @Roles('integrator', 'admin')
  @ApiOperation({ summary: 'The demo systems: the 市场监管局 REST URL and the cases it received, the 卫健委 folders, the 消防 schema' })
  @ApiOkResponse({ type: DemoSystemsView })
  systems(): DemoSystemsView {
    const demo = this.runtime.demo;
    if (!demo) throw new DomainError('NO_DEMO_SYSTEMS', '未启动演示部门系统（已配置 BRIDGE_ADAPTERS_FILE）', 404);
    return { market: demo.market, health: demo.health, fire: demo.fire, sharedData: demo.sharedData };
  }
}
