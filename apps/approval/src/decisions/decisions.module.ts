import { Body, Controller, HttpCode, Module, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@onewindow/platform';
import { CaseRecordView, toCaseRecordView } from '../cases/case.view';
import { CaseRepositoryModule } from '../cases/case-repository.module';
import { CreditModule } from '../credit/credit.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DocumentsModule } from '../documents/documents.module';
import { LicencesModule } from '../licences/licences.module';
import { WorkflowModule } from '../workflow/workflow.module';
import type { CaseDecision } from './case-decision';
import {
  DecideWhenDepartmentResultReceived,
  ResumeWhenPartSupplemented,
  SuspendWhenDepartmentRequestsSupplement,
} from './decision-handlers';
import { DecisionWithOverrideDto, RequestSupplementDto, WithdrawSupplementRequestDto } from './decisions.dto';
import { DecisionsService } from './decisions.service';
import { ApprovalConfig } from '../approval.config';
import { readRefusalLegalBases, REFUSAL_LEGAL_BASES } from './refusal-grounds';

@ApiTags('cases 审批办件')
@ApiBearerAuth()
@Controller('cases/:id')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post('decision')
  @Roles('approver')
  @ApiOperation({ summary: '作出决定 at the 批准 step: approve (issues the licence) or refuse with the legal basis and reason' })
  @ApiCreatedResponse({ type: CaseRecordView, description: 'The decided case; an approval names its licence (`licenceId`)' })
  async decide(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DecisionWithOverrideDto,
  ): Promise<CaseRecordView> {
    const decision: CaseDecision =
      body.outcome === 'approved'
        ? {
            outcome: 'approved',
            ...(body.scope ? { scope: body.scope } : {}),
            ...(body.validUntil ? { validUntil: body.validUntil } : {}),
            ...(body.creditOverride ? { creditOverride: { reason: body.creditOverride.reason } } : {}),
          }
        : { outcome: 'refused', reason: body.reason ?? '', legalBasis: body.legalBasis ?? '' };
    return toCaseRecordView(await this.decisions.decideByApprover(user, id, decision));
  }

  @Post('supplement-request')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: '退回补正: ask the applicant for materials; the clock stops until they are supplied at the window' })
  @ApiOkResponse({ type: CaseRecordView })
  async requestSupplement(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RequestSupplementDto,
  ): Promise<CaseRecordView> {
    return toCaseRecordView(await this.decisions.requestSupplement(user, id, body));
  }

  @Post('supplement-request/withdrawal')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({
    summary:
      '撤回补正要求: withdraw an outstanding supplement request with a reason; the clock runs again and the window withdraws its notice',
  })
  @ApiOkResponse({ type: CaseRecordView })
  async withdrawSupplementRequest(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: WithdrawSupplementRequestDto,
  ): Promise<CaseRecordView> {
    return toCaseRecordView(await this.decisions.withdrawSupplementRequest(user, id, body));
  }
}

/** 作出决定: decisions by approvers and by department systems, 退回补正. */
@Module({
  imports: [CaseRepositoryModule, DeadlinesModule, CreditModule, LicencesModule, WorkflowModule, DocumentsModule],
  controllers: [DecisionsController],
  providers: [
    DecisionsService,
    DecideWhenDepartmentResultReceived,
    SuspendWhenDepartmentRequestsSupplement,
    ResumeWhenPartSupplemented,
    {
      provide: REFUSAL_LEGAL_BASES,
      useFactory: (config: ApprovalConfig) => readRefusalLegalBases(config.refusalLegalBasesFile).bases,
      inject: [ApprovalConfig],
    },
  ],
})
export class DecisionsModule {}
