import { AuthService, type Role } from '@loa/auth';
import { queryRows, type SqlRunner } from '@loa/database';
import { INSERT_DEMO_SUBSCRIBERS, SET_DEMO_HOTLINES } from './demo-seed.sql';

export const DEMO_USERS: { username: string; role: Role }[] = [
  { username: 'demo-admin', role: 'admin' },
  { username: 'demo-drafter', role: 'drafter' },
  { username: 'demo-approver', role: 'approver' },
  { username: 'demo-operator', role: 'operator' },
  { username: 'demo-viewer', role: 'viewer' },
];

/** Whether the demo data is already there (the all-in-one start seeds only on its first run). */
export async function isDemoSeeded(db: SqlRunner): Promise<boolean> {
  const rows = await queryRows(db, `SELECT 1 FROM users WHERE username = 'demo-admin'`);
  return rows.length > 0;
}

/**
 * Demo users (national scope), synthetic subscribers, and plainly fake hotlines for the provinces with none on
 * record (SET_DEMO_HOTLINES); provinces must already be synchronised. Returns the provinces given a demo hotline.
 */
export async function seedDemo(db: SqlRunner, auth: AuthService, options: { password: string; subscribers: number }): Promise<string[]> {
  for (const user of DEMO_USERS) await auth.addUser(user.username, options.password, user.role, null);
  const demoHotlines = await queryRows<{ code: string }>(db, SET_DEMO_HOTLINES);
  await seedDemoSubscribers(db, options.subscribers);
  return demoHotlines.map((row) => row.code);
}

/** `count` synthetic subscribers spread over the provinces (none for 0); provinces must already be synchronised. */
export async function seedDemoSubscribers(db: SqlRunner, count: number): Promise<void> {
  if (count === 0) return;
  const provinces = await queryRows<{ code: string }>(db, 'SELECT code FROM provinces ORDER BY code');
  await db.query(INSERT_DEMO_SUBSCRIBERS, [count, provinces.map((p) => p.code)]);
}
