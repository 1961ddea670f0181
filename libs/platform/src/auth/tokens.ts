import { createHmac, timingSafeEqual } from 'node:crypto';
import { DEPARTMENT_ROLES, ROLES, type AuthenticatedUser, type Role } from './roles';

export interface TokenClaims {
  sub: string;
  name: string;
  role: Role;
  department?: string;
  level?: string;
  iss: 'onewindow';
  iat: number;
  exp: number;
}

export class TokenError extends Error {
  constructor(
    readonly code: 'TOKEN_MALFORMED' | 'TOKEN_SIGNATURE' | 'TOKEN_EXPIRED' | 'TOKEN_CLAIMS',
    message: string,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/** A signed bearer token (JWT, HS256) carrying the role and the department. */
export function issueToken(user: AuthenticatedUser, secret: string, ttlSeconds = 8 * 3600, now = new Date()): string {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: TokenClaims = {
    sub: user.id,
    name: user.name,
    role: user.role,
    ...(user.department ? { department: user.department } : {}),
    ...(user.level ? { level: user.level } : {}),
    iss: 'onewindow',
    iat,
    exp: iat + ttlSeconds,
  };
  checkClaims(claims);
  const payload = base64url(JSON.stringify(claims));
  return `${HEADER}.${payload}.${sign(`${HEADER}.${payload}`, secret)}`;
}

export function verifyToken(token: string, secret: string, now = new Date()): AuthenticatedUser {
  const parts = token.split('.');
  if (parts.length !== 3) throw new TokenError('TOKEN_MALFORMED', 'token is not a JWT');
  const [header, payload, signature] = parts as [string, string, string];
  if (header !== HEADER) throw new TokenError('TOKEN_MALFORMED', 'only HS256 tokens are accepted');
  const expected = Buffer.from(sign(`${header}.${payload}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new TokenError('TOKEN_SIGNATURE', 'token signature does not match');
  }
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    throw new TokenError('TOKEN_MALFORMED', 'token payload is not JSON');
  }
  checkClaims(claims);
  if (claims.exp * 1000 <= now.getTime()) throw new TokenError('TOKEN_EXPIRED', 'token has expired');
  return {
    id: claims.sub,
    name: claims.name,
    role: claims.role,
    ...(claims.department ? { department: claims.department } : {}),
    ...(claims.level ? { level: claims.level } : {}),
  };
}

function checkClaims(claims: TokenClaims): void {
  if (claims.iss !== 'onewindow') throw new TokenError('TOKEN_CLAIMS', 'token was not issued by onewindow');
  if (typeof claims.sub !== 'string' || !claims.sub) throw new TokenError('TOKEN_CLAIMS', 'token has no subject');
  if (typeof claims.name !== 'string' || !claims.name) throw new TokenError('TOKEN_CLAIMS', 'token has no name');
  if (!(ROLES as readonly string[]).includes(claims.role)) throw new TokenError('TOKEN_CLAIMS', `unknown role ${String(claims.role)}`);
  if (DEPARTMENT_ROLES.includes(claims.role) && !claims.department) {
    throw new TokenError('TOKEN_CLAIMS', `a ${claims.role} token must name a department`);
  }
  if (typeof claims.exp !== 'number') throw new TokenError('TOKEN_CLAIMS', 'token has no expiry');
}

function sign(data: string, secret: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
