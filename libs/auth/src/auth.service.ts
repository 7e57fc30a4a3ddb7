import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { compare, hash } from 'bcryptjs';
import { DomainError, invalid } from '@loa/common';
import { type AuthUser, type Role, ROLES } from './auth-user';
import { UsersRepository } from './users.repository';

const BCRYPT_COST = 10;

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string; user: AuthUser }> {
    const stored = await this.users.findByUsername(username);
    // Same answer for an unknown user and a wrong password: no username probing.
    if (!stored || !(await compare(password, stored.passwordHash))) {
      throw new DomainError('UNAUTHENTICATED', 'wrong username or password');
    }
    const user: AuthUser = { id: stored.id, username: stored.username, role: stored.role, provinceScope: stored.provinceScope };
    return { accessToken: await this.jwt.signAsync({ sub: user.id, ...user }), user };
  }

  async verify(token: string): Promise<AuthUser> {
    try {
      const payload = await this.jwt.verifyAsync<AuthUser>(token);
      return { id: payload.id, username: payload.username, role: payload.role, provinceScope: payload.provinceScope };
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'invalid or expired token');
    }
  }

  async addUser(username: string, password: string, role: string, provinceScope: string[] | null): Promise<AuthUser> {
    if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username)) {
      throw invalid('username: 3-64 characters, lower-case letters, digits, dot, dash or underscore');
    }
    if (!ROLES.includes(role as Role)) throw invalid(`role: must be one of ${ROLES.join(', ')}`);
    if (password.length < 8) throw invalid('password: at least 8 characters');
    const stored = await this.users.upsert({
      username,
      role: role as Role,
      provinceScope,
      passwordHash: await hash(password, BCRYPT_COST),
    });
    return { id: stored.id, username: stored.username, role: stored.role, provinceScope: stored.provinceScope };
  }
}
