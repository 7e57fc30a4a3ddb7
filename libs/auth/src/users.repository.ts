import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AuthUser, type Role } from './auth-user';

export interface StoredUser extends AuthUser {
  passwordHash: string;
}

interface UserRow {
  id: string;
  username: string;
  role: Role;
  province_scope: string[] | null;
  password_hash: string;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly db: DataSource) {}

  async findByUsername(username: string): Promise<StoredUser | null> {
    const rows: UserRow[] = await this.db.query('SELECT id, username, role, province_scope, password_hash FROM users WHERE username = $1', [username]);
    return rows.length ? toUser(rows[0]) : null;
  }

  /** Creates the user, or updates role, scope and password if the username exists. */
  async upsert(user: Omit<StoredUser, 'id'>): Promise<StoredUser> {
    const rows: UserRow[] = await this.db.query(
      `INSERT INTO users (username, password_hash, role, province_scope) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO UPDATE
         SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, province_scope = EXCLUDED.province_scope
       RETURNING id, username, role, province_scope, password_hash`,
      [user.username, user.passwordHash, user.role, user.provinceScope],
    );
    return toUser(rows[0]);
  }
}

function toUser(row: UserRow): StoredUser {
  return {
    id: Number(row.id),
    username: row.username,
    role: row.role,
    provinceScope: row.province_scope,
    passwordHash: row.password_hash,
  };
}
