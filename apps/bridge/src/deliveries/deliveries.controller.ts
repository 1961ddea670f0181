import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { CurrentUser, PageOf, PageQuery, Roles, departmentScope, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { IsIn, IsOptional } from 'class-validator';
import { DELIVERY_STATUSES, type DeliveryStatus } from './department-delivery.entity';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryView, toDeliveryView } from './delivery.view';

class ListDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ title: '推送状态', enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `投递状态只能是${DELIVERY_STATUSES.join('、')}` })
  status?: DeliveryStatus;
}

@ApiTags('deliveries 投递日志')
@ApiBearerAuth()
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveryRepository) {}

  @Get()
  @Roles('integrator', 'admin')
  @ApiOperation({ summary: 'Delivery log: parts waiting for or sent to department systems' })
  @ApiOkResponse({ type: PageOf(DeliveryView) })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListDeliveriesQuery): Promise<Page<DeliveryView>> {
    const page = await this.deliveries.list(departmentScope(user), query);
    return { ...page, items: page.items.map(toDeliveryView) };
  }
}
