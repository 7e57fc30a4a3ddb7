import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { conflict, forbidden, invalid, notFound } from '@loa/common';
import { assertActsOn } from './access';
import { AuditLogRepository } from './audit-log.repository';
import { type AuthUser, type Role } from './auth-user';
import { assertValidUser } from './auth.service';
import { hashPassword } from './password-hash';
import { assertAcceptablePassword } from './password-policy';
import { type StoredUser, toUserView, type UserChanges, type UserFilter, UsersRepository, type UserView } from './users.repository';

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  provinceScope: string[] | null;
}

export interface UserPatch {
  role?: Role;
  provinceScope?: string[] | null;
  password?: string;
  disabled?: boolean;
}

/**
 * The users API (admins). A user is an object whose provinces are their scope: an admin with a province
 * scope sees and changes only users wholly inside it, and gives no scope beyond their own.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async list(actor: AuthUser, limit: number, offset: number, filter: UserFilter = {}): Promise<UserView[]> {
    return (await this.users.list(actor.provinceScope, limit, offset, filter)).map(toUserView);
  }

  async create(actor: AuthUser, input: NewUser): Promise<UserView> {
    await assertValidUser(input.username, input.role, input.password);
    this.assertMayGrant(actor, input.provinceScope);
    const stored = await this.users.insert({ ...input, passwordHash: await hashPassword(input.password) });
    if (!stored) throw conflict(`username ${input.username} is taken`, { field: 'username' });
    await this.audit.append(actor, {
      action: 'user.create',
      objectType: 'user',
      objectId: stored.id,
      provinces: stored.provinceScope,
      after: summary(stored),
    });
    return toUserView(stored);
  }

  async update(actor: AuthUser, id: number, patch: UserPatch): Promise<UserView> {
    const before = await this.users.findById(id);
    if (!before) throw notFound(`user ${id} does not exist`);
    assertActsOn(actor, before.provinceScope, `user ${id}`);
    if (patch.provinceScope !== undefined) this.assertMayGrant(actor, patch.provinceScope);
    if (patch.password !== undefined) await assertAcceptablePassword(patch.password, before.username);
    if (id === actor.id && (patch.disabled || (patch.role && patch.role !== 'admin'))) throw invalid('you cannot disable or demote yourself');
    const changes: UserChanges = { role: patch.role, provinceScope: patch.provinceScope, disabled: patch.disabled };
    if (patch.password !== undefined) changes.passwordHash = await hashPassword(patch.password);
    return this.db.transaction(async (manager) => {
      const after = (await this.users.update(id, changes, manager))!;
      await this.audit.append(
        actor,
        {
          action: 'user.update',
          objectType: 'user',
          objectId: id,
          provinces: union(before.provinceScope, after.provinceScope),
          before: summary(before),
          after: { ...summary(after), ...(patch.password !== undefined ? { passwordReset: true } : {}) },
        },
        manager,
      );
      return toUserView(after);
    });
  }

  private assertMayGrant(actor: AuthUser, scope: string[] | null): void {
    if (actor.provinceScope === null) return;
    if (scope === null || scope.some((code) => !actor.provinceScope!.includes(code))) {
      throw forbidden(`provinces: you may grant only provinces in your own scope (${actor.provinceScope.join(', ')})`);
    }
  }
}

function summary(user: StoredUser): Record<string, unknown> {
  return { username: user.username, role: user.role, provinces: user.provinceScope, disabled: user.disabledAt !== null };
}

function union(a: string[] | null, b: string[] | null): string[] | null {
  return a === null || b === null ? null : [...new Set([...a, ...b])];
}
