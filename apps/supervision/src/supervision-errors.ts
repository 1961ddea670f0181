import { defineErrors } from '@onewindow/platform';

/** The supervision service's refusals: its codes, their kinds (hence statuses) and Chinese messages. */
export const SUPERVISION_ERRORS = defineErrors({
  DEPARTMENT_REQUIRED: { kind: 'forbidden', message: '发布监管信息须以监管部门身份进行' },
  RECORD_NOT_FOUND: { kind: 'not-found', message: '未找到该监管记录' },
  RECORD_ALREADY_WITHDRAWN: { kind: 'conflict', message: '该记录已撤回' },
  DEPARTMENT_NOT_FOUND: { kind: 'not-found', message: ({ code }: { code: string }) => `未找到部门“${code}”，请核对部门代码` },
  DEPARTMENT_OUT_OF_SCOPE: { kind: 'forbidden', message: '只能查看本部门的监察数据' },
  VERIFICATION_NOT_FOUND: { kind: 'not-found', message: '未找到该核查任务' },
  VERIFICATION_CLOSED: { kind: 'conflict', message: '该核查任务已办结' },
  NOTICE_NOT_FOUND: { kind: 'not-found', message: '未找到该监管告知' },
  /** A notice closed by the platform says why (e.g. the case was decided); otherwise the general reason. */
  NOTICE_CLOSED: {
    kind: 'conflict',
    message: ({ closedReason }: { closedReason: string | null }) => closedReason ?? '该监管告知已关闭，无需认领',
  },
});
