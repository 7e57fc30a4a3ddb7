import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { type AuthUser, type Role } from './auth-user';

export const PUBLIC_ROUTE = 'loa:public';
export const REQUIRED_ROLES = 'loa:roles';

/** The route needs no bearer token (login, health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles (and admin) may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest().user;
});
