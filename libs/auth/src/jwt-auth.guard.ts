import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@loa/common';
import { ANY_ROLE, PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { type Role } from './auth-user';
import { AuthService } from './auth.service';

/**
 * Global guard: every route must say who may call it (@Public(), @Roles(...) or @AnyRole()); a route that
 * says nothing is refused for everyone (a route added without thought stays closed). A valid bearer token
 * of an enabled user, with the role the route asks, reads role and scope from the database each time.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers?.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    if (!token) throw new DomainError('UNAUTHENTICATED', 'missing bearer token (POST /auth/login)');
    request.user = await this.auth.verify(token);
    if (this.reflector.getAllAndOverride<boolean>(ANY_ROLE, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (!roles) throw new DomainError('FORBIDDEN', 'this route declares no roles; it is closed until it does');
    if (request.user.role !== 'admin' && !roles.includes(request.user.role)) {
      throw new DomainError('FORBIDDEN', `this action needs the role ${roles.join(' or ')}`);
    }
    return true;
  }
}
