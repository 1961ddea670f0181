import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { CurrentUser, PageQuery, Roles, type AuthenticatedUser } from '@onewindow/platform';
import { IsIn, IsOptional } from 'class-validator';
import { APPLICATION_STATUSES, type ApplicationStatus } from './application.entity';
import { AcceptApplicationDto } from './accept-application.dto';
import { ApplicationsService } from './applications.service';
import { toApplicationView, type ApplicationView } from './application.view';

class ListApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES, { message: `申请状态只能是${APPLICATION_STATUSES.join('、')}` })
  status?: ApplicationStatus;
}

@ApiTags('applications 申请')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @Roles('clerk')
  @ApiOperation({ summary: '受理申请 Accept an application at the window' })
  async accept(@Body() body: AcceptApplicationDto, @CurrentUser() clerk: AuthenticatedUser): Promise<ApplicationView> {
    return toApplicationView(await this.applications.accept(body, clerk));
  }

  @Get()
  @Roles('clerk', 'admin', 'manager')
  @ApiOperation({ summary: 'List applications, newest first' })
  async list(@Query() query: ListApplicationsQuery) {
    const page = await this.applications.list({ page: query.page, pageSize: query.pageSize, ...(query.status ? { status: query.status } : {}) });
    return { ...page, items: page.items.map(toApplicationView) };
  }

  @Get(':id')
  @Roles('clerk', 'admin', 'manager')
  @ApiOperation({ summary: 'One application with its parts and their decisions' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ApplicationView> {
    return toApplicationView(await this.applications.findById(id));
  }
}
