import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentUser, PageOf, PageQuery, Roles, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DEADLINE_COLOURS, type DeadlineColour } from '../deadlines/deadline-ledger';
import { CASE_STATUSES, type CaseStatus } from './approval-case.entity';
import { ApplicationCasesView, CaseDossierView, CaseView } from './case.view';
import { CasesService } from './cases.service';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ title: '办件状态', enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: `办件状态只能是${CASE_STATUSES.join('、')}` })
  status?: CaseStatus;

  @ApiPropertyOptional({ title: '红绿灯', enum: DEADLINE_COLOURS, description: '红绿灯 green / yellow / red' })
  @IsOptional()
  @IsIn(DEADLINE_COLOURS, { message: '灯色只能是green、yellow或red' })
  colour?: DeadlineColour;

  @ApiPropertyOptional({ title: '事项编码', description: '事项编码' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  itemCode?: string;

  @ApiPropertyOptional({ title: '受理编号', description: '申请编号' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  applicationNumber?: string;

  @ApiPropertyOptional({ title: '只看绿色通道', description: '只看绿色通道' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  greenChannel?: boolean;

  @ApiPropertyOptional({ title: '只看我的办件', description: '只看分配给我的' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  mine?: boolean;
}

@ApiTags('cases 审批办件')
@ApiBearerAuth()
@Controller()
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get('cases')
  @Roles('approver', 'admin', 'manager')
  @ApiOperation({ summary: "The caller's department queue: green channel first, then the earliest deadline; filters and paging" })
  @ApiOkResponse({ type: PageOf(CaseView) })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListCasesQuery): Promise<Page<CaseView>> {
    const { page, pageSize, ...filters } = query;
    const defined = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
    return this.cases.list(user, { page, pageSize, ...defined });
  }

  @Get('cases/:id')
  @Roles('approver', 'admin', 'manager')
  @ApiOperation({
    summary:
      'One case of the caller’s department (another department’s answers 404), with the part’s 申请表 (every answer with its label and, if auto-filled, its source) and its materials',
  })
  @ApiOkResponse({ type: CaseDossierView })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<CaseDossierView> {
    return this.cases.get(user, id);
  }

  @Get('applications/:applicationId/cases')
  @Roles('approver', 'admin', 'manager')
  @ApiOperation({ summary: '并联审批: every part of an application (the lead department sees all of a bundle)' })
  @ApiOkResponse({ type: ApplicationCasesView })
  application(
    @CurrentUser() user: AuthenticatedUser,
    @Param('applicationId', new ParseUUIDPipe()) applicationId: string,
  ): Promise<ApplicationCasesView> {
    return this.cases.application(user, applicationId);
  }
}
