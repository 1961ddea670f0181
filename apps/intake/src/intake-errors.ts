import { defineErrors } from '@onewindow/platform';
import { STATUS_TEXT, type ApplicationStatus } from './applications/application.entity';

/** Where an application is, as the window's refusals name it: its number and its state. */
interface ApplicationAt {
  number: string;
  status: ApplicationStatus;
}

/** The window's (intake's) refusals: their codes, their kinds (hence statuses) and Chinese messages. */
export const INTAKE_ERRORS = defineErrors({
  // Applications
  /** Staff look an application up by its id; applicants by its number and a proof, with one answer for both failures so numbers cannot be probed. */
  APPLICATION_NOT_FOUND: {
    kind: 'not-found',
    message: ({ lookup }: { lookup: 'by-id' | 'by-number-and-proof' }) =>
      lookup === 'by-number-and-proof' ? '未查询到该申请，请核对受理编号和证件号码（或手机号码）' : '未找到该申请',
  },
  ALREADY_CHECKED: {
    kind: 'conflict',
    message: ({ number, status }: ApplicationAt) => `申请 ${number} 当前状态为“${STATUS_TEXT[status]}”，材料已审查`,
  },
  NOT_AWAITING_SUPPLEMENT: {
    kind: 'conflict',
    message: ({ number, status }: ApplicationAt) => `申请 ${number} 当前状态为“${STATUS_TEXT[status]}”，无需补正`,
  },
  DEFICIENCY_NOT_FOUND: { kind: 'not-found', message: '该申请没有这份容缺材料' },
  PART_NOT_FOUND: { kind: 'not-found', message: '该申请没有这个办理事项' },
  NO_SUPPLEMENT_REQUESTED: {
    kind: 'conflict',
    message: ({ departmentName }: { departmentName: string }) => `${departmentName}未要求补正材料，无需补交`,
  },
  /** The working-day calendar lacks a year a deadline reaches into; the calculator says which. */
  CALENDAR_YEAR_MISSING: { kind: 'conflict', message: ({ explanation }: { explanation: string }) => explanation },

  // Receipts and notices
  NOT_ACCEPTED: {
    kind: 'conflict',
    message: ({ number, status }: ApplicationAt) => `申请 ${number} 当前状态为“${STATUS_TEXT[status]}”，受理后才有受理回执`,
  },
  NO_NOTICE: { kind: 'not-found', message: ({ number }: { number: string }) => `申请 ${number} 没有一次性告知书` },

  // Catalogue
  ITEM_NOT_FOUND: {
    kind: 'not-found',
    message: ({ code, version }: { code: string; version?: number }) => `事项“${code}”${version ? `第${version}版` : ''}不存在`,
  },
  BUNDLE_NOT_FOUND: { kind: 'not-found', message: ({ code }: { code: string }) => `一件事“${code}”不存在` },

  // Fees and issuance (统一收费、统一出件)
  ALREADY_PAID: {
    kind: 'conflict',
    message: ({ number, receiptNumber }: { number: string; receiptNumber: string }) =>
      `申请 ${number} 已登记缴费（票据号${receiptNumber}）`,
  },
  NOT_DECIDED: { kind: 'conflict', message: '审批决定作出后才能收费' },
  NOTHING_TO_PAY: { kind: 'conflict', message: '该申请无需缴费' },
  /** Every part's licence was revoked: nothing may leave the centre. The issuance rules say why, part by part. */
  LICENCE_REVOKED: { kind: 'conflict', message: ({ reasons }: { reasons: readonly string[] }) => reasons.join('；') },
  NOT_READY_FOR_ISSUANCE: { kind: 'conflict', message: ({ reasons }: { reasons: readonly string[] }) => reasons.join('；') },

  // Ratings and rectifications (好差评)
  NOT_ISSUED: { kind: 'conflict', message: '办理结果发放后才能评价' },
  RECTIFICATION_OPEN: { kind: 'conflict', message: '部门正在整改，答复后将邀请您再次评价' },
  ALREADY_RATED: { kind: 'conflict', message: '您已评价过该申请' },
  RECTIFICATION_NOT_FOUND: { kind: 'not-found', message: '未找到该整改件' },
  ALREADY_ANSWERED: { kind: 'conflict', message: '该整改件已答复' },

  // Appointments
  SLOT_FULL: { kind: 'conflict', message: ({ day, slot }: { day: string; slot: string }) => `${day} ${slot} 时段已约满，请选择其他时段` },
  ALREADY_BOOKED: { kind: 'conflict', message: '您已预约该时段' },
  /** The applicant cancels by number and phone; staff mark arrival by id. */
  APPOINTMENT_NOT_FOUND: {
    kind: 'not-found',
    message: ({ lookup }: { lookup: 'by-id' | 'by-number-and-phone' }) =>
      lookup === 'by-number-and-phone' ? '未找到该预约，请核对预约号和手机号码' : '未找到该预约',
  },
  APPOINTMENT_CANCELLED: { kind: 'conflict', message: '该预约已取消' },

  // Applicant sign-in (短信验证码登录): the code check says what is wrong with the code.
  SIGN_IN_CODE_WRONG: { kind: 'unauthenticated', message: ({ explanation }: { explanation: string }) => explanation },
  SIGN_IN_CODE_INVALID: { kind: 'unauthenticated', message: ({ explanation }: { explanation: string }) => explanation },
});
