import { APPLICANT_SESSION_COOKIE, SESSION_COOKIE, sessionTokenFromCookies } from './session-cookie';

describe('the session cookie', () => {
  it('finds the token among other cookies', () => {
    expect(sessionTokenFromCookies(`theme=dark; ${SESSION_COOKIE}=aaa.bbb.ccc; lang=zh-CN`)).toBe('aaa.bbb.ccc');
  });

  it('finds nothing without the cookie, or when its value is not a token', () => {
    expect(sessionTokenFromCookies(undefined)).toBeUndefined();
    expect(sessionTokenFromCookies('theme=dark')).toBeUndefined();
    expect(sessionTokenFromCookies(`${SESSION_COOKIE}=a b\r\nX-Admin: 1`)).toBeUndefined();
    expect(sessionTokenFromCookies(`x${SESSION_COOKIE}=aaa.bbb.ccc`)).toBeUndefined();
  });

  it('reads the applicant’s cookie apart from the staff one', () => {
    const header = `${SESSION_COOKIE}=aaa.bbb.ccc; ${APPLICANT_SESSION_COOKIE}=ddd.eee.fff`;
    expect(sessionTokenFromCookies(header, APPLICANT_SESSION_COOKIE)).toBe('ddd.eee.fff');
    expect(sessionTokenFromCookies(header)).toBe('aaa.bbb.ccc');
    expect(sessionTokenFromCookies(`${SESSION_COOKIE}=aaa.bbb.ccc`, APPLICANT_SESSION_COOKIE)).toBeUndefined();
  });
});
