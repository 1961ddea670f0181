import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Clock } from '../clock/clock';
import { DomainError } from '../http/domain-error';
import { RequestContext } from '../logging/request-context';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import type { AuthenticatedUser, Role } from './roles';
import { TokenError, TokenVerifier, type TokenErrorCode, type VerifiedToken } from './tokens';

export const AUTH_TOKEN_SECRET = Symbol('AUTH_TOKEN_SECRET');

const REFUSALS: Record<TokenErrorCode, { message: string; status: number }> = {
  TOKEN_EXPIRED: { message: '登录已过期，请重新登录', status: 401 },
  TOKEN_MALFORMED: { message: '身份令牌无效，请重新登录', status: 401 },
  TOKEN_SIGNATURE: { message: '身份令牌无效，请重新登录', status: 401 },
  TOKEN_CLAIMS: { message: '身份令牌无效，请重新登录', status: 401 },
  TOKEN_UNVERIFIABLE: { message: '统一身份认证服务暂时无法访问，请稍后再试', status: 503 },
};

/** A request after the guard: who called, and the token they called with. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthenticatedUser;
  token?: VerifiedToken;
}

/** Every route needs a valid bearer token unless marked @Public(); @Roles narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers['authorization'];
    const match = /^Bearer\s+(\S+)$/i.exec(typeof header === 'string' ? header : '');
    if (!match) throw new DomainError('UNAUTHENTICATED', '请先登录（缺少身份令牌）', 401);
    try {
      request.token = await this.verifier.verify(match[1] as string, this.clock.now());
    } catch (error) {
      if (error instanceof TokenError) {
        const refusal = REFUSALS[error.code];
        throw new DomainError(error.code, refusal.message, refusal.status);
      }
      throw error;
    }
    const user = request.token.user;
    request.user = user;
    RequestContext.setUser(user);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw new DomainError('FORBIDDEN', '您的岗位无权办理此项业务', 403);
    }
    return true;
  }
}
