import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError, invalid } from '@loa/common';
import { AuditLogRepository } from './audit-log.repository';
import { type AuthUser, type Role, ROLES } from './auth-user';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './password-hash';
import { assertAcceptablePassword } from './password-policy';
import { type StoredUser, UsersRepository } from './users.repository';

interface TokenPayload {
  sub: number;
  /** The user's token version when the token was issued. */
  ver: number;
}

const WRONG_LOGIN = 'wrong username or password';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditLogRepository,
  ) {}

  /**
   * Same answer, and about the same time, for an unknown user, a disabled one and a wrong password: an
   * unknown user's password is checked against a decoy hash. Failures are audited (without the password).
   */
  async login(username: string, password: string): Promise<{ accessToken: string; user: AuthUser }> {
    const stored = await this.users.findByUsername(username);
    const matches = await verifyPassword(password, stored?.passwordHash ?? (await decoyHash()));
    if (!stored || !matches || stored.disabledAt !== null) {
      const reason = !stored ? 'unknown user' : !matches ? 'wrong password' : 'disabled';
      await this.audit.append(stored, {
        action: 'auth.login_failed',
        objectType: 'user',
        objectId: stored?.id ?? username.slice(0, 64),
        details: { reason },
        provinces: stored?.provinceScope ?? null,
      });
      throw new DomainError('UNAUTHENTICATED', WRONG_LOGIN);
    }
    if (needsRehash(stored.passwordHash)) await this.users.rehash(stored.id, await hashPassword(password));
    const payload: TokenPayload = { sub: stored.id, ver: stored.tokenVersion };
    return { accessToken: await this.jwt.signAsync(payload), user: toAuthUser(stored) };
  }

  /**
   * The token says who; the database says what they may do now. Role and scope are read on every request,
   * and a token issued before a password reset or a disabling (an older token version) is refused.
   */
  async verify(token: string): Promise<AuthUser> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token, { algorithms: ['HS256'] });
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'invalid or expired token');
    }
    const stored = Number.isSafeInteger(payload.sub) ? await this.users.findById(payload.sub) : null;
    if (!stored || stored.disabledAt !== null || stored.tokenVersion !== payload.ver) {
      throw new DomainError('UNAUTHENTICATED', 'this token is no longer valid; log in again');
    }
    return toAuthUser(stored);
  }

  /**
   * The CLI's `user add`, the demo seed and test fixtures: creates the user or replaces role, scope and password.
   * The password policy is not applied here: the demo password is fixed by the design (LOA_DEMO_PASSWORD,
   * default `loa-demo`), not a user's choice. A caller passing on a person's choice (the CLI) checks it first
   * with assertValidUser(username, role, password); the users API does so in UsersService.
   */
  async addUser(username: string, password: string, role: string, provinceScope: string[] | null): Promise<AuthUser> {
    await assertValidUser(username, role, undefined);
    if (password === '') throw invalid('password: empty');
    const stored = await this.users.upsert({ username, role: role as Role, provinceScope, passwordHash: await hashPassword(password) });
    return toAuthUser(stored);
  }
}

/** A username and role anyone may be given, and, when given, a password the person chose (see password-policy.ts). */
export async function assertValidUser(username: string, role: string, password: string | undefined): Promise<void> {
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username)) {
    throw invalid('username: 3-64 characters, lower-case letters, digits, dot, dash or underscore');
  }
  if (!ROLES.includes(role as Role)) throw invalid(`role: must be one of ${ROLES.join(', ')}`);
  if (password !== undefined) await assertAcceptablePassword(password, username);
}

export function toAuthUser(stored: StoredUser): AuthUser {
  return { id: stored.id, username: stored.username, role: stored.role, provinceScope: stored.provinceScope };
}
