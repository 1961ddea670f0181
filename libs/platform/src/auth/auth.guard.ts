import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Clock } from '../clock/clock';
import { PLATFORM_ERRORS, tokenRefusal } from '../http/platform-errors';
import { RequestContext } from '../logging/request-context';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import type { AuthenticatedUser, Role } from './roles';
import { TokenError, TokenVerifier, type VerifiedToken } from './tokens';

export const AUTH_TOKEN_SECRET = Symbol('AUTH_TOKEN_SECRET');

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
    if (!match) throw PLATFORM_ERRORS.UNAUTHENTICATED();
    try {
      request.token = await this.verifier.verify(match[1] as string, this.clock.now());
    } catch (error) {
      if (error instanceof TokenError) throw tokenRefusal(error.code);
      throw error;
    }
    const user = request.token.user;
    request.user = user;
    RequestContext.setUser(user);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw PLATFORM_ERRORS.FORBIDDEN();
    }
    return true;
  }
}
