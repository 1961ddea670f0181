import { SESSION_COOKIE, sessionTokenFromCookies } from './session-cookie';

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
});
