import { defineErrors } from '@onewindow/platform';
import { CASE_STEP_NAMES, type CaseStep } from './workflow/case-steps';

/** The approval service's refusals: its codes, their kinds (hence statuses) and Chinese messages. */
export const APPROVAL_ERRORS = defineErrors({
  CASE_NOT_FOUND: { kind: 'not-found', message: '未找到该办件' },
  APPLICATION_NOT_FOUND: { kind: 'not-found', message: '未找到该申请的办件' },
  CASE_ALREADY_DECIDED: { kind: 'conflict', message: '该办件已作出决定，不能再办理' },
  AWAITING_SUPPLEMENT: { kind: 'conflict', message: '该办件已退回补正，须待申请人补齐材料（或撤回补正要求）后方可继续办理' },
  CASE_CHANGED: {
    kind: 'conflict',
    message: ({ opened, current }: { opened: number; current: number }) =>
      `办件在您打开后已有变动（第${opened}版，现为第${current}版），请刷新后再办理`,
  },
  STEP_ALREADY_COMPLETED: {
    kind: 'conflict',
    message: ({ current, named }: { current: CaseStep; named: CaseStep }) =>
      `“${CASE_STEP_NAMES[named]}”环节已办理完毕，办件现处于“${CASE_STEP_NAMES[current]}”环节，请刷新后再办理`,
  },
  /** A step named before its turn, or a decision before the last step. */
  STEP_NOT_REACHED: {
    kind: 'conflict',
    message: ({ current, named }: { current: CaseStep; named: CaseStep | 'decision' }) =>
      named === 'decision'
        ? `办件尚在“${current === 'examine' ? '审查' : '审核'}”环节，完成后方可作出决定`
        : `办件尚在“${CASE_STEP_NAMES[current]}”环节，还不能办理“${CASE_STEP_NAMES[named]}”环节`,
  },
  DECISION_REQUIRED: {
    kind: 'conflict',
    message: ({ atApproveStep }: { atApproveStep: boolean }) =>
      atApproveStep ? '已到“批准”环节，请作出准予或不予许可的决定' : '请作出决定',
  },
  SEPARATION_OF_DUTIES: {
    kind: 'forbidden',
    message: ({ previousActor, previous, current }: { previousActor: string; previous: CaseStep; current: CaseStep }) =>
      `${previousActor}已办理“${CASE_STEP_NAMES[previous]}”环节，同一人员不能连续办理“${CASE_STEP_NAMES[current]}”环节，请由其他人员办理`,
  },
  NOT_ASSIGNEE: {
    kind: 'forbidden',
    message: ({ step, assignee }: { step: CaseStep; assignee: string | null }) =>
      `该办件“${CASE_STEP_NAMES[step]}”环节由${assignee ?? '他人'}办理`,
  },
  APPROVER_NOT_FOUND: {
    kind: 'not-found',
    message: ({ registerFirst }: { registerFirst: boolean }) => (registerFirst ? '未找到该审批人员，请先登记' : '未找到该审批人员'),
  },
  NO_SUPPLEMENT_PENDING: { kind: 'conflict', message: '该办件没有待补正的材料要求，无需撤回' },
  SUSPENSION_NOT_FOUND: { kind: 'not-found', message: '未找到该中止计时记录' },
  SUPPLEMENT_ENDS_AT_WINDOW: { kind: 'conflict', message: '补正中止在申请人于窗口补齐材料后自动恢复计时' },
  EXTENSION_PENDING: { kind: 'conflict', message: '该办件已有待审批的延期申请' },
  EXTENSION_NOT_FOUND: { kind: 'not-found', message: '未找到该延期申请' },
  EXTENSION_ALREADY_REVIEWED: { kind: 'conflict', message: '该延期申请已审批' },
  EXTENSION_SELF_APPROVAL: { kind: 'forbidden', message: '延期申请须由申请人以外的负责人审批' },
  ALREADY_GREEN_CHANNEL: { kind: 'conflict', message: '该办件已在绿色通道中' },
  /** The working-day calendar lacks a year the deadline reaches into; the calculator says which. */
  CALENDAR_YEAR_MISSING: { kind: 'conflict', message: ({ explanation }: { explanation: string }) => explanation },
  /** Staff look a licence up by its id; the public verification page by number or QR code. */
  LICENCE_NOT_FOUND: {
    kind: 'not-found',
    message: ({ lookup }: { lookup: 'by-id' | 'verification' }) =>
      lookup === 'verification' ? '未查询到该证照，请核对证照编号或重新扫描证照上的二维码' : '未找到该证照',
  },
  LICENCE_ALREADY_REVOKED: {
    kind: 'conflict',
    message: ({ revokedOn }: { revokedOn: string | undefined }) => `该证照已于${revokedOn}撤销`,
  },
  NOT_DECIDED: { kind: 'conflict', message: '该办件尚未作出决定，没有决定书' },
  LEGAL_PROFILE_NOT_FOUND: { kind: 'not-found', message: '该部门尚未配置法律文书要素（复议机关、管辖法院、文书字号）' },
});
