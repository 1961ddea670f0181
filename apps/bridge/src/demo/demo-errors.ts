import { defineErrors } from '@onewindow/platform';

/** The refusals of the demo department systems' console routes (they go wherever the demo goes). */
export const DEMO_ERRORS = defineErrors({
  CASE_NOT_FOUND: { kind: 'not-found', message: ({ ywlsh }: { ywlsh: string }) => `未查询到业务流水号为 ${ywlsh} 的业务` },
  CASE_DECIDED: { kind: 'conflict', message: ({ ywlsh, status }: { ywlsh: string; status: string }) => `业务 ${ywlsh} 已${status}` },
  NO_DEMO_SYSTEMS: { kind: 'not-found', message: '未启动演示部门系统（已配置 BRIDGE_ADAPTERS_FILE）' },
});
