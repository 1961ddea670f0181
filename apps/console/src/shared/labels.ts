/**
 * The Chinese words a clerk or an approver reads for the platform's codes. The services speak in
 * stable English codes (`awaiting-supplement`, `to-follow`); the console shows these labels.
 */
type Labels = Readonly<Record<string, string>>;

export const ROLE_LABELS: Labels = {
  clerk: '综合窗口',
  approver: '审批人员',
  supervisor: '监管人员',
  'supervisor-head': '监管负责人',
  manager: '中心管理',
  integrator: '系统集成',
  admin: '系统管理员',
  applicant: '申请人',
};

export const LEVEL_LABELS: Labels = { district: '区县', town: '乡镇（街道）', village: '村（社区）' };

export const CHANNEL_LABELS: Labels = {
  window: '窗口',
  online: '网上申报',
  mobile: '移动端',
  'self-service': '自助终端',
  'village-agent': '村代办',
};

export const APPLICATION_STATUS_LABELS: Labels = {
  draft: '收件草稿',
  submitted: '网上已提交',
  'awaiting-supplement': '待补正',
  accepted: '已受理',
  decided: '已办结待出件',
  issued: '已出件',
};

export const PART_STATUS_LABELS: Labels = { pending: '审批中', approved: '准予许可', refused: '不予许可' };

export const OUTCOME_LABELS: Labels = { approved: '准予许可', refused: '不予许可', 'partially-approved': '部分准予' };

export const MATERIAL_FINDING_LABELS: Labels = {
  provided: '已收取',
  missing: '缺少',
  faulty: '有误',
  'to-follow': '容缺后补',
  pledged: '告知承诺',
};

export const MATERIAL_FORM_LABELS: Labels = { original: '原件', copy: '复印件', 'original-and-copy': '原件及复印件', electronic: '电子件' };

export const PARTY_KIND_LABELS: Labels = { person: '自然人', organisation: '法人或其他组织' };

export const HANDLING_TYPE_LABELS: Labels = { immediate: '即办件', committed: '承诺件', escalated: '上报件' };

export const CASE_STATUS_LABELS: Labels = { open: '办理中', approved: '准予许可', refused: '不予许可' };

export const CASE_STEP_LABELS: Labels = { accept: '受理', examine: '审查', verify: '审核', approve: '批准', conclude: '办结' };

export const COLOUR_LABELS: Labels = { green: '绿灯', yellow: '黄灯', red: '红灯' };

export const SPECIAL_PROCEDURE_LABELS: Labels = {
  hearing: '听证',
  'site-inspection': '现场勘察',
  testing: '检验检测',
  'expert-review': '专家评审',
  supplement: '补正材料',
};

export const ISSUANCE_METHOD_LABELS: Labels = { window: '窗口领取', post: '邮寄送达' };

export const SUPERVISION_RECORD_KIND_LABELS: Labels = {
  penalty: '行政处罚',
  blacklist: '严重失信名单',
  redlist: '守信红名单',
  inspection: '监督检查',
};

export const AGENT_KIND_LABELS: Labels = { helper: '帮办员', 'village-agent': '村代办员', proxy: '受托人' };

/** The label of a code, or the code itself when the console does not know it yet. */
export function labelOf(labels: Labels, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return labels[code] ?? code;
}

export const NOTICE_STATUS_LABELS: Labels = { pending: '待认领', escalated: '超时督办', acknowledged: '已认领', closed: '已关闭' };

export const VERIFICATION_STATUS_LABELS: Labels = { open: '待核查', verified: '承诺属实', 'false-pledge': '承诺不实' };

export const RECORD_SOURCE_LABELS: Labels = {
  supervisor: '监管人员录入',
  'department-system': '部门系统推送',
  'pledge-verification': '告知承诺核查',
};
