import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '@loa/database';
import { type AuthUser, type Role } from './auth-user';
import { escapeLike, LIST_USERS } from './lists.sql';

export interface StoredUser extends AuthUser {
  passwordHash: string;
  /** Carried in tokens; moved when the password is reset or the user disabled, so older tokens stop. */
  tokenVersion: number;
  disabledAt: Date | null;
}

/** A user as the users API shows it (no hash). */
export interface UserView extends AuthUser {
  disabled: boolean;
  createdAt: Date;
}

interface UserRow {
  id: string;
  username: string;
  role: Role;
  province_scope: string[] | null;
  password_hash: string;
  token_version: number;
  disabled_at: Date | null;
  created_at: Date;
}

const COLUMNS = 'id, username, role, province_scope, password_hash, token_version, disabled_at, created_at';

/** What GET /users narrows its list by; every field optional. */
export interface UserFilter {
  /** Part of the username, any case. */
  username?: string;
  role?: Role;
  /** A province the user's scope holds; national users hold every province. */
  province?: string;
  disabled?: boolean;
}

export interface UserChanges {
  role?: Role;
  provinceScope?: string[] | null;
  passwordHash?: string;
  disabled?: boolean;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly db: DataSource) {}

  async findByUsername(username: string): Promise<StoredUser | null> {
    const rows: UserRow[] = await this.db.query(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
    return rows.length ? toUser(rows[0]) : null;
  }

  async findById(id: number): Promise<StoredUser | null> {
    const rows: UserRow[] = await this.db.query(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows.length ? toUser(rows[0]) : null;
  }

  /**
   * `scope` null: every user; otherwise users whose scope shares a province with it (national users left out);
   * narrowed by `filter`.
   */
  async list(scope: readonly string[] | null, limit: number, offset: number, filter: UserFilter = {}): Promise<StoredUser[]> {
    const rows: UserRow[] = await this.db.query(LIST_USERS, [
      limit,
      offset,
      scope,
      filter.username ? escapeLike(filter.username) : null,
      filter.role ?? null,
      filter.province ?? null,
      filter.disabled ?? null,
    ]);
    return rows.map(toUser);
  }

  /** Creates the user, or updates role, scope and password if the username exists (the CLI's `user add`). */
  async upsert(user: Pick<StoredUser, 'username' | 'role' | 'provinceScope' | 'passwordHash'>): Promise<StoredUser> {
    const rows: UserRow[] = await this.db.query(
      `INSERT INTO users (username, password_hash, role, province_scope) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO UPDATE
         SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, province_scope = EXCLUDED.province_scope,
             token_version = users.token_version + 1
       RETURNING ${COLUMNS}`,
      [user.username, user.passwordHash, user.role, user.provinceScope],
    );
    return toUser(rows[0]);
  }

  /** null if the username is taken. */
  async insert(user: Pick<StoredUser, 'username' | 'role' | 'provinceScope' | 'passwordHash'>): Promise<StoredUser | null> {
    const rows: UserRow[] = await this.db.query(
      `INSERT INTO users (username, password_hash, role, province_scope) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO NOTHING RETURNING ${COLUMNS}`,
      [user.username, user.passwordHash, user.role, user.provinceScope],
    );
    return rows.length ? toUser(rows[0]) : null;
  }

  /** Applies the changes; a new password or a disabled account also moves the token version (older tokens stop). */
  async update(id: number, changes: UserChanges, manager = this.db.manager): Promise<StoredUser | null> {
    const rows = await queryRows<UserRow>(
      manager,
      `UPDATE users SET
         role = COALESCE($2, role),
         province_scope = CASE WHEN $3::boolean THEN $4::text[] ELSE province_scope END,
         password_hash = COALESCE($5, password_hash),
         disabled_at = CASE WHEN $6::boolean IS NULL THEN disabled_at WHEN $6 THEN COALESCE(disabled_at, now()) ELSE NULL END,
         token_version = token_version + CASE WHEN $5::text IS NOT NULL OR $6::boolean THEN 1 ELSE 0 END
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, changes.role ?? null, changes.provinceScope !== undefined, changes.provinceScope ?? null, changes.passwordHash ?? null, changes.disabled ?? null],
    );
    return rows.length ? toUser(rows[0]) : null;
  }

  /** Replaces an old (bcrypt) hash after a successful login, without moving the token version. */
  async rehash(id: number, passwordHash: string): Promise<void> {
    await this.db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
  }
}

export function toUserView(user: StoredUser & { createdAt?: Date }): UserView {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    provinceScope: user.provinceScope,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt!,
  };
}

function toUser(row: UserRow): StoredUser & { createdAt: Date } {
  return {
    id: Number(row.id),
    username: row.username,
    role: row.role,
    provinceScope: row.province_scope,
    passwordHash: row.password_hash,
    tokenVersion: row.token_version,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
  };
}
