import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@onewindow/platform';
import type { WorkflowStep } from './workflow-definition';
import { AdvanceStepDto, PutApproverDto, PutWorkflowDto, ReassignDto, SetAwayDto } from './workflow.dto';
import { WorkflowService } from './workflow.service';
import {
  ApproverView,
  AwayResultView,
  CaseStepRecordView,
  DefaultWorkflowView,
  ItemWorkflowView,
  toApproverView,
  toCaseStepRecordView,
  toItemWorkflowView,
} from './workflow.view';
import { CaseRecordView, toCaseRecordView } from '../cases/case.view';

@ApiTags('workflow 审批流程与AB岗')
@ApiBearerAuth()
@Controller()
export class WorkflowController {
  constructor(private readonly workflow: WorkflowService) {}

  @Get('workflows/:itemCode')
  @Roles('approver', 'admin', 'manager')
  @ApiOperation({ summary: "An item's steps and assignees (the defaults when not configured)" })
  @ApiExtraModels(ItemWorkflowView, DefaultWorkflowView)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(ItemWorkflowView) }, { $ref: getSchemaPath(DefaultWorkflowView) }] } })
  async getWorkflow(@Param('itemCode') itemCode: string): Promise<ItemWorkflowView | DefaultWorkflowView> {
    const workflow = await this.workflow.getWorkflow(itemCode);
    return 'configured' in workflow ? workflow : toItemWorkflowView(workflow);
  }

  @Put('workflows/:itemCode')
  @Roles('admin')
  @ApiOperation({ summary: "Configure an item's steps (审查 → 审核 → 批准), assignees, separation of duties and licence scheme" })
  @ApiOkResponse({ type: ItemWorkflowView })
  async putWorkflow(
    @CurrentUser() user: AuthenticatedUser,
    @Param('itemCode') itemCode: string,
    @Body() body: PutWorkflowDto,
  ): Promise<ItemWorkflowView> {
    const workflow = await this.workflow.putWorkflow(user, itemCode, {
      departmentCode: body.departmentCode,
      steps: body.steps.map((s) => ({
        step: s.step,
        assignee:
          s.assignee.kind === 'person' ? { kind: 'person', id: s.assignee.id ?? '', name: s.assignee.name ?? '' } : { kind: 'pool' },
      })) as WorkflowStep[],
      ...(body.licenceNumberTemplate !== undefined ? { licenceNumberTemplate: body.licenceNumberTemplate } : {}),
      ...(body.licenceValidityYears !== undefined ? { licenceValidityYears: body.licenceValidityYears } : {}),
      separateDuties: body.separateDuties ?? true,
    });
    return toItemWorkflowView(workflow);
  }

  @Get('approvers')
  @Roles('approver', 'admin', 'manager')
  @ApiOperation({ summary: "The department's approvers, their stand-ins and who is away" })
  @ApiOkResponse({ type: [ApproverView] })
  async listApprovers(@CurrentUser() user: AuthenticatedUser): Promise<ApproverView[]> {
    return (await this.workflow.listApprovers(user)).map(toApproverView);
  }

  @Put('approvers/:id')
  @Roles('approver', 'admin')
  @ApiOperation({ summary: 'Register an approver and their stand-in (B角)' })
  @ApiOkResponse({ type: ApproverView })
  async putApprover(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: PutApproverDto): Promise<ApproverView> {
    return toApproverView(await this.workflow.putApprover(user, id, body));
  }

  @Post('approvers/:id/away')
  @HttpCode(200)
  @Roles('approver', 'admin')
  @ApiOperation({ summary: 'AB岗: mark away (open cases move to the stand-in) or back' })
  @ApiOkResponse({ type: AwayResultView })
  async setAway(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: SetAwayDto): Promise<AwayResultView> {
    const { approver, moved } = await this.workflow.setAway(user, id, { away: body.away, ...(body.reason ? { reason: body.reason } : {}) });
    return { approver: toApproverView(approver), moved };
  }

  @Post('cases/:id/advance')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: 'Complete the current step (审查 or 审核) with an opinion; the case moves to the next' })
  @ApiOkResponse({ type: CaseRecordView })
  async advance(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AdvanceStepDto,
  ): Promise<CaseRecordView> {
    return toCaseRecordView(await this.workflow.advance(user, id, body));
  }

  @Post('cases/:id/reassign')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: '改派: give the case to another approver of the department, with a reason' })
  @ApiOkResponse({ type: CaseRecordView })
  async reassign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReassignDto,
  ): Promise<CaseRecordView> {
    return toCaseRecordView(await this.workflow.reassign(user, id, body));
  }

  @Get('cases/:id/history')
  @Roles('approver', 'admin', 'manager')
  @ApiOperation({ summary: '办理过程: every step, opinion and assignment' })
  @ApiOkResponse({ type: [CaseStepRecordView] })
  async history(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<CaseStepRecordView[]> {
    return (await this.workflow.history(user, id)).map(toCaseStepRecordView);
  }
}
