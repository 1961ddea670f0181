import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../http/domain-error';
import { RequestContext } from '../logging/request-context';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import type { AuthenticatedUser, Role } from './roles';
import { TokenError, verifyToken } from './tokens';

export const AUTH_TOKEN_SECRET = Symbol('AUTH_TOKEN_SECRET');

/** Every route needs a valid bearer token unless marked @Public(); @Roles narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_TOKEN_SECRET) private readonly secret: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthenticatedUser }>();
    const header = request.headers['authorization'] ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new DomainError('UNAUTHENTICATED', '请先登录（缺少身份令牌）', 401);
    let user: AuthenticatedUser;
    try {
      user = verifyToken(match[1] as string, this.secret);
    } catch (error) {
      if (error instanceof TokenError) {
        const message = error.code === 'TOKEN_EXPIRED' ? '登录已过期，请重新登录' : '身份令牌无效，请重新登录';
        throw new DomainError(error.code, message, 401);
      }
      throw error;
    }
    request.user = user;
    RequestContext.setUser(user);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw new DomainError('FORBIDDEN', '您的岗位无权办理此项业务', 403);
    }
    return true;
  }
}
