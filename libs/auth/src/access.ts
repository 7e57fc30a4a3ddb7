import { notFound } from '@loa/common';
import { type AuthUser } from './auth-user';

/**
 * The one authorisation rule, with the role check of @Roles() in the guard:
 * - acting on an object (approve, pause, cancel, exclude, export…) needs a scope covering ALL of its
 *   provinces: `assertActsOn`;
 * - reading it needs a scope covering at least one of them (the answer shows the in-scope part):
 *   `canRead` / `assertReads`;
 * - an object out of scope answers 404, the same as one that does not exist, so ids cannot be probed.
 * `provinces` null means a national object (only national users reach it).
 */
export type ObjectProvinces = readonly string[] | null;

export function coversAll(user: AuthUser, provinces: ObjectProvinces): boolean {
  if (user.provinceScope === null) return true;
  if (provinces === null) return false;
  const scope = user.provinceScope;
  return provinces.every((code) => scope.includes(code));
}

export function canRead(user: AuthUser, provinces: ObjectProvinces): boolean {
  if (user.provinceScope === null) return true;
  if (provinces === null) return false;
  const scope = user.provinceScope;
  return provinces.some((code) => scope.includes(code));
}

/** `what` names the object as the 404 says it, e.g. "campaign 12". */
export function assertActsOn(user: AuthUser, provinces: ObjectProvinces, what: string): void {
  if (!coversAll(user, provinces)) throw notFound(`${what} does not exist`);
}

export function assertReads(user: AuthUser, provinces: ObjectProvinces, what: string): void {
  if (!canRead(user, provinces)) throw notFound(`${what} does not exist`);
}
