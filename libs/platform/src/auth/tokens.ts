import { createHmac } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { DEPARTMENT_ROLES, ROLES, type AuthenticatedUser, type Role } from './roles';

/** The claims of a token OneWindow issues (the identity service at sign-in, or `npm run token`). */
export interface TokenClaims {
  sub: string;
  name: string;
  role: Role;
  department?: string;
  level?: string;
  /** The sign-in session the token belongs to (identity service tokens). */
  jti?: string;
  iss: typeof ONEWINDOW_ISSUER;
  iat: number;
  exp: number;
}

export const ONEWINDOW_ISSUER = 'onewindow';

export type TokenErrorCode = 'TOKEN_MALFORMED' | 'TOKEN_SIGNATURE' | 'TOKEN_EXPIRED' | 'TOKEN_CLAIMS' | 'TOKEN_UNVERIFIABLE';

export class TokenError extends Error {
  constructor(
    readonly code: TokenErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * A signed bearer token (JWT, HS256) carrying the role and the department. Signing stays
 * synchronous (tests and the token CLI issue tokens inline); every verification goes through jose.
 */
export function issueToken(user: AuthenticatedUser, secret: string, ttlSeconds = 8 * 3600, now = new Date(), sessionId?: string): string {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: TokenClaims = {
    sub: user.id,
    name: user.name,
    role: user.role,
    ...(user.department ? { department: user.department } : {}),
    ...(user.level ? { level: user.level } : {}),
    ...(sessionId ? { jti: sessionId } : {}),
    iss: ONEWINDOW_ISSUER,
    iat,
    exp: iat + ttlSeconds,
  };
  userFromClaims(claims);
  const payload = base64url(JSON.stringify(claims));
  return `${HEADER}.${payload}.${createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url')}`;
}

/** How the claims of an external identity provider's tokens name our user (OIDC, the province's 统一身份认证). */
export interface ExternalIdentityProvider {
  issuer: string;
  jwksUri: string;
  audience?: string;
  algorithms: string[];
  claims: { name: string; role: string; department: string; level: string };
  /** The provider's role values mapped to ours; a value not listed must already be one of ours. */
  roleMap: Record<string, Role>;
}

export interface VerifiedToken {
  user: AuthenticatedUser;
  /** The sign-in session (identity service tokens only). */
  sessionId?: string;
  /** When the token stops being accepted. */
  expiresAt: Date;
  issuer: string;
}

/**
 * Verifies bearer tokens with jose: OneWindow's own (HS256, the shared secret, issuer
 * `onewindow`) and, when configured, an external identity provider's (RS256 or ES256 keys from its
 * JWKS, chosen by the token's `iss`).
 */
export class TokenVerifier {
  private readonly secretKey: Uint8Array;
  private readonly externalKeys: JWTVerifyGetKey | undefined;

  constructor(
    secret: string,
    private readonly external?: ExternalIdentityProvider,
    /** A JWKS other than the provider's URL (tests: a local key set). */
    externalKeys?: JWTVerifyGetKey,
  ) {
    this.secretKey = new TextEncoder().encode(secret);
    this.externalKeys = external ? (externalKeys ?? createRemoteJWKSet(new URL(external.jwksUri), { timeoutDuration: 5_000 })) : undefined;
  }

  async verify(token: string, now: Date): Promise<VerifiedToken> {
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw new TokenError('TOKEN_MALFORMED', 'token is not a JWT');
    }
    if (this.external && this.externalKeys && issuer === this.external.issuer)
      return this.verifyExternal(token, now, this.external, this.externalKeys);
    const payload = await verifying(() =>
      jwtVerify(token, this.secretKey, {
        issuer: ONEWINDOW_ISSUER,
        algorithms: ['HS256'],
        currentDate: now,
        requiredClaims: ['exp', 'sub'],
      }),
    );
    return {
      user: userFromClaims(payload as Partial<TokenClaims>),
      ...(typeof payload.jti === 'string' ? { sessionId: payload.jti } : {}),
      expiresAt: new Date((payload.exp as number) * 1000),
      issuer: ONEWINDOW_ISSUER,
    };
  }

  private async verifyExternal(
    token: string,
    now: Date,
    provider: ExternalIdentityProvider,
    keys: JWTVerifyGetKey,
  ): Promise<VerifiedToken> {
    const payload = await verifying(() =>
      jwtVerify(token, keys, {
        issuer: provider.issuer,
        algorithms: provider.algorithms,
        currentDate: now,
        // A few seconds for the provider's clock; our own tokens are checked exactly.
        clockTolerance: 30,
        requiredClaims: ['exp', 'sub'],
        ...(provider.audience ? { audience: provider.audience } : {}),
      }),
    );
    const claim = (name: string) => (typeof payload[name] === 'string' ? (payload[name] as string) : undefined);
    const externalRole = claim(provider.claims.role);
    const role = externalRole === undefined ? undefined : (provider.roleMap[externalRole] ?? externalRole);
    return {
      user: userFromClaims({
        sub: payload.sub,
        name: claim(provider.claims.name) ?? payload.sub,
        role: role as Role,
        ...(claim(provider.claims.department) ? { department: claim(provider.claims.department) } : {}),
        ...(claim(provider.claims.level) ? { level: claim(provider.claims.level) } : {}),
      }),
      expiresAt: new Date((payload.exp as number) * 1000),
      issuer: provider.issuer,
    };
  }
}

/** Verifies one of OneWindow's own tokens (tests and tools; services use the injected `TokenVerifier`). */
export async function verifyToken(token: string, secret: string, now = new Date()): Promise<AuthenticatedUser> {
  return (await new TokenVerifier(secret).verify(token, now)).user;
}

async function verifying(verify: () => Promise<{ payload: JWTPayload }>): Promise<JWTPayload> {
  try {
    return (await verify()).payload;
  } catch (error) {
    throw toTokenError(error);
  }
}

function toTokenError(error: unknown): TokenError {
  if (error instanceof TokenError) return error;
  if (error instanceof errors.JWTExpired) return new TokenError('TOKEN_EXPIRED', 'token has expired');
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new TokenError('TOKEN_SIGNATURE', 'token signature does not match');
  }
  if (error instanceof errors.JWTClaimValidationFailed)
    return new TokenError('TOKEN_CLAIMS', `token claim ${error.claim} is not acceptable: ${error.reason}`);
  if (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC')
  ) {
    return new TokenError('TOKEN_UNVERIFIABLE', `the identity provider's keys could not be fetched: ${error.message}`);
  }
  if (error instanceof errors.JOSEError) return new TokenError('TOKEN_MALFORMED', error.message);
  // A network failure fetching the provider's JWKS.
  return new TokenError(
    'TOKEN_UNVERIFIABLE',
    `the identity provider's keys could not be fetched: ${error instanceof Error ? error.message : String(error)}`,
  );
}

function userFromClaims(claims: Partial<TokenClaims>): AuthenticatedUser {
  if (typeof claims.sub !== 'string' || !claims.sub) throw new TokenError('TOKEN_CLAIMS', 'token has no subject');
  if (typeof claims.name !== 'string' || !claims.name) throw new TokenError('TOKEN_CLAIMS', 'token has no name');
  if (!(ROLES as readonly unknown[]).includes(claims.role)) throw new TokenError('TOKEN_CLAIMS', `unknown role ${String(claims.role)}`);
  const role = claims.role as Role;
  if (DEPARTMENT_ROLES.includes(role) && !claims.department) throw new TokenError('TOKEN_CLAIMS', `a ${role} token must name a department`);
  return {
    id: claims.sub,
    name: claims.name,
    role,
    ...(claims.department ? { department: claims.department } : {}),
    ...(claims.level ? { level: claims.level } : {}),
  };
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
