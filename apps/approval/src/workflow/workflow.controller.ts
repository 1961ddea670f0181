import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@onewindow/platform';
import type { WorkflowStep } from './workflow-definition';
import { AdvanceStepDto, PutApproverDto, PutWorkflowDto, ReassignDto, SetAwayDto } from './workflow.dto';
import { WorkflowService } from './workflow.service';

@ApiTags('workflow 审批流程与AB岗')
@ApiBearerAuth()
@Controller()
export class WorkflowController {
  constructor(private readonly workflow: WorkflowService) {}

  @Get('workflows/:itemCode')
  @Roles('approver', 'admin', 'manager')
  @ApiOperation({ summary: "An item's steps and assignees (the defaults when not configured)" })
  getWorkflow(@Param('itemCode') itemCode: string) {
    return this.workflow.getWorkflow(itemCode);
  }

  @Put('workflows/:itemCode')
  @Roles('admin')
  @ApiOperation({ summary: "Configure an item's steps (审查 → 审核 → 批准), assignees, separation of duties and licence scheme" })
  putWorkflow(@CurrentUser() user: AuthenticatedUser, @Param('itemCode') itemCode: string, @Body() body: PutWorkflowDto) {
    return this.workflow.putWorkflow(user, itemCode, {
      departmentCode: body.departmentCode,
      steps: body.steps.map((s) => ({
        step: s.step,
        assignee: s.assignee.kind === 'person' ? { kind: 'person', id: s.assignee.id ?? '', name: s.assignee.name ?? '' } : { kind: 'pool' },
      })) as WorkflowStep[],
      ...(body.licenceNumberTemplate !== undefined ? { licenceNumberTemplate: body.licenceNumberTemplate } : {}),
      ...(body.licenceValidityYears !== undefined ? { licenceValidityYears: body.licenceValidityYears } : {}),
      separateDuties: body.separateDuties ?? true,
    });
  }

  @Get('approvers')
  @Roles('approver', 'admin', 'manager')
  @ApiOperation({ summary: "The department's approvers, their stand-ins and who is away" })
  listApprovers(@CurrentUser() user: AuthenticatedUser) {
    return this.workflow.listApprovers(user);
  }

  @Put('approvers/:id')
  @Roles('approver', 'admin')
  @ApiOperation({ summary: 'Register an approver and their stand-in (B角)' })
  putApprover(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: PutApproverDto) {
    return this.workflow.putApprover(user, id, body);
  }

  @Post('approvers/:id/away')
  @HttpCode(200)
  @Roles('approver', 'admin')
  @ApiOperation({ summary: 'AB岗: mark away (open cases move to the stand-in) or back' })
  setAway(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: SetAwayDto) {
    return this.workflow.setAway(user, id, { away: body.away, ...(body.reason ? { reason: body.reason } : {}) });
  }

  @Post('cases/:id/advance')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: 'Complete the current step (审查 or 审核) with an opinion; the case moves to the next' })
  advance(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AdvanceStepDto) {
    return this.workflow.advance(user, id, body);
  }

  @Post('cases/:id/reassign')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: '改派: give the case to another approver of the department, with a reason' })
  reassign(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReassignDto) {
    return this.workflow.reassign(user, id, body);
  }

  @Get('cases/:id/history')
  @Roles('approver', 'admin', 'manager')
  @ApiOperation({ summary: '办理过程: every step, opinion and assignment' })
  history(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.workflow.history(user, id);
  }
}
