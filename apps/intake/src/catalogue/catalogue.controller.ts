import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, Public } from '@onewindow/platform';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CatalogueService } from './catalogue.service';

class ListItemsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '部门编码', example: 'DCF-SCJGJ' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  department?: string;
}

@ApiTags('catalogue 事项目录')
@Controller('catalogue/items')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '事项目录: current service items, by code' })
  list(@Query() query: ListItemsQuery) {
    return this.catalogue.listCurrent({
      page: query.page,
      pageSize: query.pageSize,
      ...(query.department ? { departmentCode: query.department } : {}),
    });
  }
}
