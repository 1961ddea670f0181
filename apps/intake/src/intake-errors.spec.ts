import { DomainError } from '@onewindow/platform';
import { INTAKE_ERRORS } from './intake-errors';

/**
 * The window's refusals moved from inline `new DomainError(code, message, status)` to the catalogue;
 * the console and the integration suites branch on what they answered. Each row is what a call site
 * threw before the move: the same code, status and Chinese message must come out of the catalogue.
 */
const BEFORE_THE_CATALOGUE: Array<[DomainError, string, number, string]> = [
  [
    INTAKE_ERRORS.APPLICATION_NOT_FOUND({ lookup: 'by-number-and-proof' }),
    'APPLICATION_NOT_FOUND',
    404,
    '未查询到该申请，请核对受理编号和证件号码（或手机号码）',
  ],
  [INTAKE_ERRORS.APPLICATION_NOT_FOUND({ lookup: 'by-id' }), 'APPLICATION_NOT_FOUND', 404, '未找到该申请'],
  [INTAKE_ERRORS.ALREADY_CHECKED({ number: 'SQ1', status: 'accepted' }), 'ALREADY_CHECKED', 409, '申请 SQ1 当前状态为“已受理”，材料已审查'],
  [
    INTAKE_ERRORS.NOT_AWAITING_SUPPLEMENT({ number: 'SQ1', status: 'accepted' }),
    'NOT_AWAITING_SUPPLEMENT',
    409,
    '申请 SQ1 当前状态为“已受理”，无需补正',
  ],
  [INTAKE_ERRORS.DEFICIENCY_NOT_FOUND(), 'DEFICIENCY_NOT_FOUND', 404, '该申请没有这份容缺材料'],
  [INTAKE_ERRORS.PART_NOT_FOUND(), 'PART_NOT_FOUND', 404, '该申请没有这个办理事项'],
  [
    INTAKE_ERRORS.NO_SUPPLEMENT_REQUESTED({ departmentName: '市场监管局' }),
    'NO_SUPPLEMENT_REQUESTED',
    409,
    '市场监管局未要求补正材料，无需补交',
  ],
  [
    INTAKE_ERRORS.CALENDAR_YEAR_MISSING({ explanation: '2031年的节假日安排尚未导入' }),
    'CALENDAR_YEAR_MISSING',
    409,
    '2031年的节假日安排尚未导入',
  ],
  [
    INTAKE_ERRORS.NOT_ACCEPTED({ number: 'SQ1', status: 'submitted' }),
    'NOT_ACCEPTED',
    409,
    '申请 SQ1 当前状态为“网上申请待预审”，受理后才有受理回执',
  ],
  [INTAKE_ERRORS.NO_NOTICE({ number: 'SQ1' }), 'NO_NOTICE', 404, '申请 SQ1 没有一次性告知书'],
  [INTAKE_ERRORS.ITEM_NOT_FOUND({ code: 'X-1', version: 2 }), 'ITEM_NOT_FOUND', 404, '事项“X-1”第2版不存在'],
  [INTAKE_ERRORS.ITEM_NOT_FOUND({ code: 'X-1' }), 'ITEM_NOT_FOUND', 404, '事项“X-1”不存在'],
  [INTAKE_ERRORS.BUNDLE_NOT_FOUND({ code: 'B-1' }), 'BUNDLE_NOT_FOUND', 404, '一件事“B-1”不存在'],
  [INTAKE_ERRORS.ALREADY_PAID({ number: 'SQ1', receiptNumber: 'PJ9' }), 'ALREADY_PAID', 409, '申请 SQ1 已登记缴费（票据号PJ9）'],
  [INTAKE_ERRORS.NOT_DECIDED(), 'NOT_DECIDED', 409, '审批决定作出后才能收费'],
  [INTAKE_ERRORS.NOTHING_TO_PAY(), 'NOTHING_TO_PAY', 409, '该申请无需缴费'],
  [INTAKE_ERRORS.LICENCE_REVOKED({ reasons: ['甲', '乙'] }), 'LICENCE_REVOKED', 409, '甲；乙'],
  [INTAKE_ERRORS.NOT_READY_FOR_ISSUANCE({ reasons: ['尚有部门未作出审批决定'] }), 'NOT_READY_FOR_ISSUANCE', 409, '尚有部门未作出审批决定'],
  [INTAKE_ERRORS.NOT_ISSUED(), 'NOT_ISSUED', 409, '办理结果发放后才能评价'],
  [INTAKE_ERRORS.RECTIFICATION_OPEN(), 'RECTIFICATION_OPEN', 409, '部门正在整改，答复后将邀请您再次评价'],
  [INTAKE_ERRORS.ALREADY_RATED(), 'ALREADY_RATED', 409, '您已评价过该申请'],
  [INTAKE_ERRORS.RECTIFICATION_NOT_FOUND(), 'RECTIFICATION_NOT_FOUND', 404, '未找到该整改件'],
  [INTAKE_ERRORS.ALREADY_ANSWERED(), 'ALREADY_ANSWERED', 409, '该整改件已答复'],
  [INTAKE_ERRORS.SLOT_FULL({ day: '2026-12-08', slot: '09:00' }), 'SLOT_FULL', 409, '2026-12-08 09:00 时段已约满，请选择其他时段'],
  [INTAKE_ERRORS.ALREADY_BOOKED(), 'ALREADY_BOOKED', 409, '您已预约该时段'],
  [
    INTAKE_ERRORS.APPOINTMENT_NOT_FOUND({ lookup: 'by-number-and-phone' }),
    'APPOINTMENT_NOT_FOUND',
    404,
    '未找到该预约，请核对预约号和手机号码',
  ],
  [INTAKE_ERRORS.APPOINTMENT_NOT_FOUND({ lookup: 'by-id' }), 'APPOINTMENT_NOT_FOUND', 404, '未找到该预约'],
  [INTAKE_ERRORS.APPOINTMENT_CANCELLED(), 'APPOINTMENT_CANCELLED', 409, '该预约已取消'],
  [
    INTAKE_ERRORS.SIGN_IN_CODE_WRONG({ explanation: '验证码不正确，还可以再试 2 次' }),
    'SIGN_IN_CODE_WRONG',
    401,
    '验证码不正确，还可以再试 2 次',
  ],
  [
    INTAKE_ERRORS.SIGN_IN_CODE_INVALID({ explanation: '验证码已过期，请重新获取' }),
    'SIGN_IN_CODE_INVALID',
    401,
    '验证码已过期，请重新获取',
  ],
];

describe("the window's error catalogue", () => {
  it.each(BEFORE_THE_CATALOGUE)(
    'answers %#: as before the catalogue, with the same code, status and message',
    (error, code, status, message) => {
      expect(error).toBeInstanceOf(DomainError);
      expect({ code: error.code, status: error.status, message: error.message }).toEqual({ code, status, message });
    },
  );

  it('carries the fields at fault of a refused sign-in code', () => {
    const fields = [{ path: 'code', code: 'SIGN_IN_CODE_EXPIRED', message: '验证码已过期，请重新获取' }];
    expect(INTAKE_ERRORS.SIGN_IN_CODE_INVALID({ explanation: '验证码已过期，请重新获取' }, fields).fields).toEqual(fields);
  });
});
