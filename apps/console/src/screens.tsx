// The console's screens: one file each under screens/, listed here with the roles that see them in the
// menu (the API still decides what each may do). Add a screen by adding a line.
import { type ComponentType } from 'react';
import { type Role } from './api/models';
import { ApprovalsScreen } from './screens/approvals';
import { CampaignFormScreen } from './screens/campaign-form';
import { LookupScreen } from './screens/lookup';
import { TemplatesScreen } from './screens/templates';
import { TodayScreen } from './screens/today';

export interface Screen {
  /** The path under /console/. */
  id: string;
  label: string;
  roles: Role[] | 'all';
  component: ComponentType;
}

export const SCREENS: Screen[] = [
  { id: 'hom-nay', label: 'Hôm nay', roles: 'all', component: TodayScreen },
  { id: 'mau-tin', label: 'Mẫu tin', roles: ['drafter', 'approver', 'admin'], component: TemplatesScreen },
  { id: 'chien-dich-moi', label: 'Tạo chiến dịch', roles: ['drafter', 'admin'], component: CampaignFormScreen },
  { id: 'cho-duyet', label: 'Chờ duyệt', roles: ['approver', 'admin'], component: ApprovalsScreen },
  { id: 'tra-cuu', label: 'Tra cứu số', roles: 'all', component: LookupScreen },
];

export function screensFor(role: Role): Screen[] {
  return SCREENS.filter((screen) => screen.roles === 'all' || screen.roles.includes(role));
}

export const CONSOLE_PREFIX = '/console/';

export function screenFromPath(pathname: string): string | null {
  return pathname.startsWith(CONSOLE_PREFIX) ? pathname.slice(CONSOLE_PREFIX.length).split('/')[0] || null : null;
}
