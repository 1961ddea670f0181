import { DomainError } from './domain-error';
import { defineErrors, type ErrorCodeOf } from './error-catalogue';
import { PLATFORM_ERRORS, tokenRefusal } from './platform-errors';

const CASE_ERRORS = defineErrors({
  CASE_NOT_FOUND: { kind: 'not-found', message: '未找到该办件' },
  CASE_CHANGED: {
    kind: 'conflict',
    message: ({ opened, current }: { opened: number; current: number }) => `办件已有变动（第${opened}版，现为第${current}版）`,
  },
  RECORD_REFUSED: { kind: 'unprocessable', message: '部门数据未能转换' },
});

describe('an error catalogue', () => {
  it('makes a domain error with the code, the Chinese message and the status of its kind', () => {
    const error = CASE_ERRORS.CASE_NOT_FOUND();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'CASE_NOT_FOUND', message: '未找到该办件', kind: 'not-found', status: 404, fields: [] });
  });

  it('writes a message from its typed parameters', () => {
    expect(CASE_ERRORS.CASE_CHANGED({ opened: 3, current: 5 })).toMatchObject({
      code: 'CASE_CHANGED',
      message: '办件已有变动（第3版，现为第5版）',
      status: 409,
    });
  });

  it('carries the fields at fault when given', () => {
    const fields = [{ path: 'BJJGDM', code: 'UNMAPPED_CODE', message: '办结结果代码“9”无法转换' }];
    expect(CASE_ERRORS.RECORD_REFUSED(fields)).toMatchObject({ status: 422, fields });
  });

  it('refuses an unknown code or a wrong parameter at compile time', () => {
    // @ts-expect-error no such code in the catalogue
    expect(() => CASE_ERRORS.CASE_LOST()).toThrow(TypeError);
    // @ts-expect-error the message needs its parameters
    expect(() => CASE_ERRORS.CASE_CHANGED()).toThrow(TypeError);
    // @ts-expect-error `current` is missing
    expect(CASE_ERRORS.CASE_CHANGED({ opened: 3 }).message).toContain('现为第undefined版');
    const code: ErrorCodeOf<typeof CASE_ERRORS> = 'CASE_CHANGED';
    // @ts-expect-error not a code of the catalogue
    const unknown: ErrorCodeOf<typeof CASE_ERRORS> = 'CASE_LOST';
    expect([code, unknown]).toHaveLength(2);
  });
});

describe('domain errors', () => {
  it('are field errors with 400 by default, or the status of the kind named', () => {
    const fields = [{ path: 'reason', code: 'REQUIRED', message: '请填写理由' }];
    expect(DomainError.validation(fields)).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '提交的信息有误，请按提示修改',
      status: 400,
      fields,
    });
    expect(DomainError.validation(fields, 'unprocessable').status).toBe(422);
    expect(DomainError.validation(fields, 'conflict').status).toBe(409);
  });

  it('take a kind, never a status chosen by the call site', () => {
    expect(new DomainError('APPLICATION_NOT_FOUND', '未找到该申请', 'not-found')).toMatchObject({ kind: 'not-found', status: 404 });
    // A number does not compile here (`npm test` type-checks the specs): the status comes from the one table.
  });
});

describe('the platform errors', () => {
  it('answer a refused token by its reason: 401, or 503 when the identity provider cannot be reached', () => {
    expect(tokenRefusal('TOKEN_EXPIRED')).toMatchObject({ code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录', status: 401 });
    expect(tokenRefusal('TOKEN_SIGNATURE')).toMatchObject({ code: 'TOKEN_SIGNATURE', message: '身份令牌无效，请重新登录', status: 401 });
    expect(tokenRefusal('TOKEN_UNVERIFIABLE')).toMatchObject({ status: 503 });
  });

  it('say how large a body may be', () => {
    expect(PLATFORM_ERRORS.PAYLOAD_TOO_LARGE({ limitBytes: 5 * 1024 * 1024 })).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: '提交的内容过大（不能超过5MB）',
      status: 413,
    });
  });
});
