import { createContext, useContext } from 'react';
import { type CurrentUser, type Province } from './api/models';

/** Who is logged in, and what the console knows of the provinces (names by code). */
export interface SessionContext {
  user: CurrentUser;
  provinces: Province[];
  provinceName(code: string): string;
  navigate(screen: string): void;
}

export const Session = createContext<SessionContext | null>(null);

export function useSession(): SessionContext {
  const session = useContext(Session);
  if (!session) throw new Error('useSession outside a logged-in screen');
  return session;
}

export function can(user: CurrentUser, ...roles: CurrentUser['role'][]): boolean {
  return user.role === 'admin' || roles.includes(user.role);
}
