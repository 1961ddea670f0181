import type { DepartmentRefV1 } from '@onewindow/contracts';

/**
 * Names of the district's departments, for events a supervisor publishes (a token carries only
 * the department code). A code not listed is published with the code as its name.
 */
const DEPARTMENT_NAMES: Record<string, string> = {
  'DCF-SCJGJ': '东昌府区市场监督管理局',
  'DCF-WJW': '东昌府区卫生健康委员会',
  'DCF-XFJY': '东昌府区消防救援大队',
  'DCF-ZJJ': '东昌府区住房和城乡建设局',
  'DCF-RSJ': '东昌府区人力资源和社会保障局',
  'DCF-ZHZF': '东昌府区综合行政执法局',
  'DCF-STHJ': '聊城市生态环境局东昌府分局',
  'DCF-JTYSJ': '东昌府区交通运输局',
  'DCF-SWJ': '国家税务总局聊城市东昌府区税务局',
  'DCF-GAFJ': '聊城市公安局东昌府分局',
};

export function departmentRef(code: string): DepartmentRefV1 {
  return { code, name: DEPARTMENT_NAMES[code] ?? code };
}

/** Whether the district's list names this department. */
export function isListedDepartment(code: string): boolean {
  return Object.hasOwn(DEPARTMENT_NAMES, code);
}
