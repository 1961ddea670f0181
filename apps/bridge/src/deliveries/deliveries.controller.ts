import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, DomainError, PageQuery, Roles, departmentScope, type AuthenticatedUser } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { DELIVERY_STATUSES, DepartmentDelivery, type DeliveryStatus } from './department-delivery.entity';

@ApiTags('deliveries 投递日志')
@ApiBearerAuth()
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('integrator', 'admin')
  @ApiOperation({ summary: 'Delivery log: parts waiting for or sent to department systems' })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery, @Query('status') status?: string) {
    if (status !== undefined && !(DELIVERY_STATUSES as readonly string[]).includes(status)) {
      throw DomainError.validation([{ path: 'status', code: 'INVALID_STATUS', message: `投递状态只能是${DELIVERY_STATUSES.join('、')}` }]);
    }
    const scope = departmentScope(user);
    const [items, total] = await this.dataSource.getRepository(DepartmentDelivery).findAndCount({
      where: {
        ...(scope.department ? { departmentCode: scope.department } : {}),
        ...(status ? { status: status as DeliveryStatus } : {}),
      },
      order: { createdAt: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
