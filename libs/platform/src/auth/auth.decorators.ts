import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { AuthenticatedUser, Role } from './roles';

export const PUBLIC_ROUTE = 'onewindow:public';
export const REQUIRED_ROLES = 'onewindow:roles';

/**
 * No token needed (health, metrics, docs, the public catalogue). The OpenAPI operation says so as
 * `x-public: true`, so the authorisation matrix of `npm run chaos` is generated from the documents.
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension('x-public', true));

/** Only these roles may call the route; others get 403. The OpenAPI operation lists them as `x-roles`. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiExtension('x-roles', roles));

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const request = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>();
  if (!request.user) throw new Error('CurrentUser used on a public route');
  return request.user;
});
