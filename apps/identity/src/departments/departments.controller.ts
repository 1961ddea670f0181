import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@onewindow/platform';
import { PutDepartmentDto } from './departments.dto';
import { DepartmentsService } from './departments.service';
import { toDepartmentView, DepartmentView } from './department.view';

@ApiTags('departments 组织机构')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: 'Every department and service centre an account may belong to' })
  @ApiOkResponse({ type: [DepartmentView] })
  async list(): Promise<DepartmentView[]> {
    return (await this.departments.list()).map(toDepartmentView);
  }

  @Put(':code')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a department or service centre, or rename it' })
  @ApiOkResponse({ type: DepartmentView })
  async put(@Param('code') code: string, @Body() body: PutDepartmentDto): Promise<DepartmentView> {
    return toDepartmentView(await this.departments.put(code, body));
  }
}
