import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQuery, Public } from '@onewindow/platform';
import { CatalogueService } from './catalogue.service';

@ApiTags('catalogue 事项目录')
@Controller('catalogue/items')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '事项目录: current service items, by code' })
  list(@Query() query: PageQuery, @Query('department') departmentCode?: string) {
    return this.catalogue.listCurrent({ page: query.page, pageSize: query.pageSize, ...(departmentCode ? { departmentCode } : {}) });
  }
}
