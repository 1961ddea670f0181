import type { HandlingType } from '@onewindow/contracts';
import type { DomainError } from '@onewindow/platform';
import { APPROVAL_ERRORS } from '../approval-errors';
import { CASE_STEP_NAMES, CASE_STEPS, type CaseStep } from './case-steps';

export { CASE_STEP_NAMES, CASE_STEPS, type CaseStep } from './case-steps';

export const CONFIGURABLE_STEPS = ['examine', 'verify', 'approve'] as const;
export type ConfigurableStep = (typeof CONFIGURABLE_STEPS)[number];

/** Who works on a step: one named person, or anyone of the department's approvers (a pool). */
export type StepAssignee = { kind: 'person'; id: string; name: string } | { kind: 'pool' };

export interface WorkflowStep {
  step: ConfigurableStep;
  assignee: StepAssignee;
}

export interface WorkflowProblem {
  path: string;
  code: string;
  message: string;
}

/** Without a configuration: a same-day item (即办件) is decided in one step, others in three. */
export function defaultWorkflow(handlingType: HandlingType): WorkflowStep[] {
  const pool: StepAssignee = { kind: 'pool' };
  if (handlingType === 'immediate') return [{ step: 'approve', assignee: pool }];
  return [
    { step: 'examine', assignee: pool },
    { step: 'verify', assignee: pool },
    { step: 'approve', assignee: pool },
  ];
}

/** Steps in their fixed order, each once, ending with approval. */
export function checkWorkflow(steps: readonly WorkflowStep[]): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  if (steps.length === 0) {
    return [{ path: 'steps', code: 'WORKFLOW_EMPTY', message: '审批流程至少需要“批准”一个环节' }];
  }
  steps.forEach((entry, index) => {
    if (!CONFIGURABLE_STEPS.includes(entry.step)) {
      problems.push({ path: `steps[${index}].step`, code: 'WORKFLOW_STEP_UNKNOWN', message: `环节只能是${CONFIGURABLE_STEPS.join('、')}` });
      return;
    }
    const previous = steps[index - 1];
    if (previous && CONFIGURABLE_STEPS.indexOf(previous.step) >= CONFIGURABLE_STEPS.indexOf(entry.step)) {
      problems.push({
        path: `steps[${index}].step`,
        code: 'WORKFLOW_STEP_ORDER',
        message: `环节须按审查、审核、批准的顺序排列且不重复，“${CASE_STEP_NAMES[entry.step]}”位置不对`,
      });
    }
    if (entry.assignee.kind === 'person' && (!entry.assignee.id?.trim() || !entry.assignee.name?.trim())) {
      problems.push({ path: `steps[${index}].assignee`, code: 'WORKFLOW_ASSIGNEE_INCOMPLETE', message: '指定到人时须填写工号和姓名' });
    }
  });
  if (steps.at(-1)?.step !== 'approve') {
    problems.push({
      path: `steps[${steps.length - 1}].step`,
      code: 'WORKFLOW_MUST_END_WITH_APPROVE',
      message: '审批流程的最后一个环节必须是“批准”',
    });
  }
  return problems;
}

/** The configured step after `current`, or null when `current` is the decision. */
export function nextStep(steps: readonly WorkflowStep[], current: CaseStep): WorkflowStep | null {
  const index = steps.findIndex((entry) => entry.step === current);
  if (index < 0) return steps[0] ?? null;
  return steps[index + 1] ?? null;
}

export interface ApproverOnDuty {
  id: string;
  name: string;
  away: boolean;
  standIn: { id: string; name: string } | null;
}

export type ResolvedAssignee =
  { kind: 'pool' } | { kind: 'person'; id: string; name: string; standingInFor?: { id: string; name: string } };

/**
 * AB岗: a task for someone who is away goes to their named stand-in (A角 → B角). If the stand-in
 * is away too, the task goes to the department pool rather than waiting for anyone.
 */
export function resolveAssignee(assignee: StepAssignee, directory: (id: string) => ApproverOnDuty | undefined): ResolvedAssignee {
  if (assignee.kind === 'pool') return { kind: 'pool' };
  const person = directory(assignee.id);
  if (!person || !person.away) return { kind: 'person', id: assignee.id, name: person?.name ?? assignee.name };
  if (!person.standIn) return { kind: 'pool' };
  const standIn = directory(person.standIn.id);
  if (standIn?.away) return { kind: 'pool' };
  return { kind: 'person', id: person.standIn.id, name: person.standIn.name, standingInFor: { id: person.id, name: person.name } };
}

/** A task is worked by its assignee; a pool task by any approver of the department. */
export function mayWorkOn(task: { assigneeKind: 'person' | 'pool'; assigneeId: string | null }, userId: string): boolean {
  return task.assigneeKind === 'pool' || task.assigneeId === userId;
}

/**
 * A step action names the step it completes, so a second click, a stale screen or a concurrent
 * call never completes the next step by accident: it is refused once the case has moved on.
 */
export function stepActionConflict(current: CaseStep, named: CaseStep): DomainError | null {
  if (current === named) return null;
  if (CASE_STEPS.indexOf(current) > CASE_STEPS.indexOf(named)) return APPROVAL_ERRORS.STEP_ALREADY_COMPLETED({ current, named });
  return APPROVAL_ERRORS.STEP_NOT_REACHED({ current, named });
}

/**
 * 审批分离 (separation of duties): where the item's workflow asks for it, whoever completed a step
 * may not complete the next one (审查 then 审核, 审核 then 批准). Answers the refusal, or null when allowed.
 */
export function separationOfDutiesConflict(
  previous: { step: CaseStep; actorId: string; actorName: string } | null,
  current: CaseStep,
  userId: string,
): DomainError | null {
  if (!previous || previous.actorId !== userId || previous.step === 'accept') return null;
  return APPROVAL_ERRORS.SEPARATION_OF_DUTIES({ previousActor: previous.actorName, previous: previous.step, current });
}

/** With separated duties, consecutive steps may not both be assigned to one named person. */
export function checkSeparatedAssignees(steps: readonly WorkflowStep[]): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  steps.forEach((entry, index) => {
    const previous = steps[index - 1];
    if (previous?.assignee.kind === 'person' && entry.assignee.kind === 'person' && previous.assignee.id === entry.assignee.id) {
      problems.push({
        path: `steps[${index}].assignee`,
        code: 'WORKFLOW_DUTIES_NOT_SEPARATED',
        message: `审批分离：“${CASE_STEP_NAMES[previous.step]}”和“${CASE_STEP_NAMES[entry.step]}”不能指定同一人员（${entry.assignee.name}）`,
      });
    }
  });
  return problems;
}
