import {
  checkSeparatedAssignees,
  checkWorkflow,
  defaultWorkflow,
  mayWorkOn,
  nextStep,
  resolveAssignee,
  separationOfDutiesConflict,
  stepActionConflict,
  type ApproverOnDuty,
} from './workflow-definition';

const directory = (people: ApproverOnDuty[]) => (id: string) => people.find((p) => p.id === id);
const wang: ApproverOnDuty = { id: 'scjg-wang', name: '王立新', away: false, standIn: { id: 'scjg-liu', name: '刘海燕' } };
const liu: ApproverOnDuty = { id: 'scjg-liu', name: '刘海燕', away: false, standIn: { id: 'scjg-wang', name: '王立新' } };

describe('workflow steps', () => {
  it('decides a same-day item in one step and others in 审查, 审核, 批准', () => {
    expect(defaultWorkflow('immediate').map((s) => s.step)).toEqual(['approve']);
    expect(defaultWorkflow('committed').map((s) => s.step)).toEqual(['examine', 'verify', 'approve']);
  });

  it('refuses steps out of order, repeated, or not ending with approval', () => {
    const pool = { kind: 'pool' as const };
    expect(
      checkWorkflow([
        { step: 'verify', assignee: pool },
        { step: 'examine', assignee: pool },
      ]).map((p) => p.code),
    ).toEqual(['WORKFLOW_STEP_ORDER', 'WORKFLOW_MUST_END_WITH_APPROVE']);
    expect(
      checkWorkflow([
        { step: 'approve', assignee: pool },
        { step: 'approve', assignee: pool },
      ]).map((p) => p.code),
    ).toEqual(['WORKFLOW_STEP_ORDER']);
    expect(checkWorkflow([]).map((p) => p.code)).toEqual(['WORKFLOW_EMPTY']);
    expect(checkWorkflow([{ step: 'approve', assignee: { kind: 'person', id: '', name: '' } }])[0]?.path).toBe('steps[0].assignee');
    expect(
      checkWorkflow([
        { step: 'examine', assignee: pool },
        { step: 'approve', assignee: pool },
      ]),
    ).toEqual([]);
  });

  it('moves from one configured step to the next and stops at approval', () => {
    const steps = defaultWorkflow('committed');
    expect(nextStep(steps, 'accept')?.step).toBe('examine');
    expect(nextStep(steps, 'examine')?.step).toBe('verify');
    expect(nextStep(steps, 'approve')).toBeNull();
  });
});

describe('assignment with stand-ins (AB岗)', () => {
  it('gives a task to the named person while they are on duty', () => {
    expect(resolveAssignee({ kind: 'person', id: 'scjg-wang', name: '王立新' }, directory([wang, liu]))).toEqual({
      kind: 'person',
      id: 'scjg-wang',
      name: '王立新',
    });
  });

  it("gives an absent person's task to their stand-in, saying for whom", () => {
    expect(resolveAssignee({ kind: 'person', id: 'scjg-wang', name: '王立新' }, directory([{ ...wang, away: true }, liu]))).toEqual({
      kind: 'person',
      id: 'scjg-liu',
      name: '刘海燕',
      standingInFor: { id: 'scjg-wang', name: '王立新' },
    });
  });

  it('falls back to the department pool when the stand-in is away too, or there is none', () => {
    expect(
      resolveAssignee(
        { kind: 'person', id: 'scjg-wang', name: '王立新' },
        directory([
          { ...wang, away: true },
          { ...liu, away: true },
        ]),
      ),
    ).toEqual({ kind: 'pool' });
    expect(
      resolveAssignee({ kind: 'person', id: 'scjg-wang', name: '王立新' }, directory([{ ...wang, away: true, standIn: null }])),
    ).toEqual({ kind: 'pool' });
  });

  it('lets the assignee work a personal task and anyone work a pool task', () => {
    expect(mayWorkOn({ assigneeKind: 'person', assigneeId: 'scjg-wang' }, 'scjg-wang')).toBe(true);
    expect(mayWorkOn({ assigneeKind: 'person', assigneeId: 'scjg-wang' }, 'scjg-liu')).toBe(false);
    expect(mayWorkOn({ assigneeKind: 'pool', assigneeId: null }, 'scjg-liu')).toBe(true);
  });
});

describe('a step action names the step it completes', () => {
  it('goes ahead on the named step and is refused once the case has moved past it, or before it is reached', () => {
    expect(stepActionConflict('examine', 'examine')).toBeNull();
    expect(stepActionConflict('verify', 'examine')).toMatchObject({
      code: 'STEP_ALREADY_COMPLETED',
      message: '“审查”环节已办理完毕，办件现处于“审核”环节，请刷新后再办理',
    });
    expect(stepActionConflict('examine', 'verify')).toMatchObject({ code: 'STEP_NOT_REACHED' });
  });
});

describe('separation of duties (审批分离)', () => {
  const examinedByChen = { step: 'examine' as const, actorId: 'wjw-chen', actorName: '陈静' };

  it('refuses the next step to whoever completed the previous one, and allows anyone else', () => {
    expect(separationOfDutiesConflict(examinedByChen, 'verify', 'wjw-chen')).toMatchObject({
      code: 'SEPARATION_OF_DUTIES',
      message: '陈静已办理“审查”环节，同一人员不能连续办理“审核”环节，请由其他人员办理',
      status: 403,
    });
    expect(separationOfDutiesConflict(examinedByChen, 'verify', 'wjw-sun')).toBeNull();
    expect(separationOfDutiesConflict(null, 'examine', 'wjw-chen')).toBeNull();
  });

  it('refuses a workflow that names one person for two consecutive steps', () => {
    const chen = { kind: 'person' as const, id: 'wjw-chen', name: '陈静' };
    expect(
      checkSeparatedAssignees([
        { step: 'examine', assignee: chen },
        { step: 'verify', assignee: { kind: 'pool' } },
        { step: 'approve', assignee: chen },
      ]),
    ).toEqual([]);
    expect(
      checkSeparatedAssignees([
        { step: 'verify', assignee: chen },
        { step: 'approve', assignee: chen },
      ]),
    ).toEqual([
      { path: 'steps[1].assignee', code: 'WORKFLOW_DUTIES_NOT_SEPARATED', message: '审批分离：“审核”和“批准”不能指定同一人员（陈静）' },
    ]);
  });
});
