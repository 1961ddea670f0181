import { describe, expect, it } from 'vitest';
import type { SignInRecordView } from '@/api/generated/identity/types.gen';
import { emptySignInFilters, isRefusal, signInQuery, signInResult, sourceAddress } from './sign-in-audit';

const record = (overrides: Partial<SignInRecordView> = {}): SignInRecordView => ({
  id: '1d7c2f0e-5a4b-4c3d-8e9f-0a1b2c3d4e5f',
  event: 'sign-in',
  username: 'lishouli',
  outcome: 'succeeded',
  at: '2026-12-07T01:00:00.000Z',
  ...overrides,
});

describe('the sign-in audit filters', () => {
  it('send nothing that was left empty', () => {
    expect(signInQuery(emptySignInFilters(), 1, 20)).toEqual({ page: 1, pageSize: 20 });
  });

  it('turn China dates into instants with the last day included', () => {
    expect(signInQuery({ username: ' LiShouLi ', outcome: 'locked-now', from: '2026-12-01', to: '2026-12-07' }, 2, 50)).toEqual({
      page: 2,
      pageSize: 50,
      username: 'LiShouLi',
      outcome: 'locked-now',
      from: '2026-12-01T00:00:00+08:00',
      to: '2026-12-08T00:00:00+08:00',
    });
  });
});

describe('a sign-in record', () => {
  it('says its result in Chinese, a sign-out as such', () => {
    expect(signInResult(record())).toBe('成功');
    expect(signInResult(record({ outcome: 'invalid-credentials' }))).toBe('用户名或密码错误');
    expect(signInResult(record({ outcome: 'locked-now' }))).toBe('密码错误，账号已锁定');
    expect(signInResult(record({ event: 'sign-out' }))).toBe('退出登录');
    expect(isRefusal(record({ outcome: 'locked' }))).toBe(true);
    expect(isRefusal(record({ event: 'sign-out' }))).toBe(false);
  });

  it("comes from the browser's address the gateway passed on, else the connecting one", () => {
    expect(sourceAddress(record({ forwardedFor: '10.1.2.3, 172.16.0.1', remoteAddress: '127.0.0.1' }))).toBe('10.1.2.3');
    expect(sourceAddress(record({ remoteAddress: '127.0.0.1' }))).toBe('127.0.0.1');
    expect(sourceAddress(record())).toBe('—');
  });
});
