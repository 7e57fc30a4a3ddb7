import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { type AuthUser, type Role } from './auth-user';

export const PUBLIC_ROUTE = 'loa:public';
export const REQUIRED_ROLES = 'loa:roles';
export const ANY_ROLE = 'loa:any-role';

/** The route needs no bearer token (login, health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles (and admin) may call the route. Objects it touches are then checked with libs/auth/src/access.ts. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** Every signed-in role may call the route (reads whose answer the province scope already filters). */
export const AnyRole = () => SetMetadata(ANY_ROLE, true);

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest().user;
});
