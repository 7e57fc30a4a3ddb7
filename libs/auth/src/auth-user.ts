export const ROLES = ['admin', 'drafter', 'approver', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The caller of a request, as carried in the bearer token. */
export interface AuthUser {
  id: number;
  username: string;
  role: Role;
  /** Province codes the user may see and target; null = national scope. */
  provinceScope: string[] | null;
}
