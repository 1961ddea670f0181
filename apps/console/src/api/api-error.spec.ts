import { describe, expect, it } from 'vitest';
import { toApiError } from './api-error';

describe('toApiError', () => {
  it("keeps the server's code, Chinese message, field problems and request id", () => {
    const error = toApiError(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: '提交的信息有误，请按提示修改',
        fields: [{ path: 'applicant.identifier', code: 'CREDIT_CODE_CHECK_DIGIT', message: '统一社会信用代码校验位不正确' }],
        requestId: 'req-1',
      },
    });
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('提交的信息有误，请按提示修改');
    expect(error.fieldMessage('applicant.identifier')).toBe('统一社会信用代码校验位不正确');
    expect(error.requestId).toBe('req-1');
  });

  it("explains in Chinese an answer that is not the platform's error shape", () => {
    expect(toApiError(502, '<html>Bad gateway</html>').message).toBe('服务暂时不可用，请稍后重试');
    expect(toApiError(403, undefined).message).toBe('您没有办理此业务的权限');
    expect(toApiError(404, { error: null }).code).toBe('HTTP_404');
  });
});
