import { departmentScope, issueToken, TokenError, verifyToken } from '../index';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const approver = { id: 'u-1', name: '王审批', role: 'approver' as const, department: 'DCF-SCJGJ' };

describe('signed bearer tokens', () => {
  it('round-trips the role and the department', () => {
    expect(verifyToken(issueToken(approver, secret), secret)).toEqual(approver);
  });

  it('refuses a token signed with another secret', () => {
    const token = issueToken(approver, 'another-secret-that-is-long-enough-987654');
    expect(() => verifyToken(token, secret)).toThrow(TokenError);
  });

  it('refuses a token whose claims were altered', () => {
    const [header, , signature] = issueToken(approver, secret).split('.');
    const forged = Buffer.from(JSON.stringify({ ...approver, sub: 'u-1', role: 'admin', iss: 'onewindow', iat: 0, exp: 9_999_999_999 })).toString('base64url');
    expect(() => verifyToken(`${header}.${forged}.${signature}`, secret)).toThrow('token signature does not match');
  });

  it('refuses an expired token', () => {
    const token = issueToken(approver, secret, 60, new Date('2026-01-01T00:00:00Z'));
    expect(() => verifyToken(token, secret, new Date('2026-01-01T00:02:00Z'))).toThrow('token has expired');
  });

  it('will not issue an approver token without a department', () => {
    expect(() => issueToken({ id: 'u-2', name: '无部门', role: 'approver' }, secret)).toThrow('must name a department');
  });
});

describe('department scope', () => {
  it('limits an approver to their own department', () => {
    expect(departmentScope(approver)).toEqual({ department: 'DCF-SCJGJ' });
  });

  it('lets admin and centre management see every department', () => {
    expect(departmentScope({ id: 'a', name: '管理员', role: 'admin' })).toEqual({});
    expect(departmentScope({ id: 'm', name: '监察', role: 'manager' })).toEqual({});
  });

  it('gives a role without a department nothing rather than everything', () => {
    expect(departmentScope({ id: 'c', name: '李受理', role: 'clerk' }).department).toBeDefined();
  });
});
