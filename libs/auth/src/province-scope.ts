import { forbidden } from '@loa/common';
import { type AuthUser } from './auth-user';

export function isInScope(user: AuthUser, provinceCode: string): boolean {
  return user.provinceScope === null || user.provinceScope.includes(provinceCode);
}

/** Refuses the whole request if any province is outside the user's scope. */
export function assertProvincesInScope(user: AuthUser, provinceCodes: readonly string[]): void {
  const outside = provinceCodes.filter((code) => !isInScope(user, code));
  if (outside.length > 0) {
    throw forbidden(`provinces outside your scope: ${outside.join(', ')}`, { provinces: outside });
  }
}

/** The provinces a query may cover: the requested ones (checked) or, if none, the user's whole scope. */
export function scopedProvinces(user: AuthUser, requested: readonly string[] | undefined): string[] | null {
  if (requested && requested.length > 0) {
    assertProvincesInScope(user, requested);
    return [...requested];
  }
  return user.provinceScope;
}
