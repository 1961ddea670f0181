import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { CurrentUser, PageQuery, Roles, type AuthenticatedUser } from '@onewindow/platform';
import { IsIn, IsOptional } from 'class-validator';
import { CASE_STATUSES, type ApprovalCase, type CaseStatus } from './approval-case.entity';
import type { CaseDecision } from './case-decision';
import { CasesService } from './cases.service';
import { DecideCaseDto } from './decide-case.dto';

@ApiTags('cases 审批办件')
@ApiBearerAuth()
class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: `办件状态只能是${CASE_STATUSES.join('、')}` })
  status?: CaseStatus;
}

@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @Roles('approver', 'admin', 'manager')
  @ApiOperation({ summary: "The caller's department queue, earliest deadline first" })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListCasesQuery) {
    return this.cases.list(user, { page: query.page, pageSize: query.pageSize, ...(query.status ? { status: query.status } : {}) });
  }

  @Get(':id')
  @Roles('approver', 'admin', 'manager')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<ApprovalCase> {
    return this.cases.get(user, id);
  }

  @Post(':id/decision')
  @Roles('approver')
  @ApiOperation({ summary: '作出决定: approve (issues the licence) or refuse with the legal basis' })
  decide(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DecideCaseDto,
  ): Promise<ApprovalCase> {
    const decision: CaseDecision =
      body.outcome === 'approved'
        ? { outcome: 'approved', ...(body.scope ? { scope: body.scope } : {}), ...(body.validUntil ? { validUntil: body.validUntil } : {}) }
        : { outcome: 'refused', reason: body.reason ?? '', legalBasis: body.legalBasis ?? '' };
    return this.cases.decide(user, id, decision);
  }
}
