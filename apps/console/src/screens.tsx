// The console's screens: one file each under screens/, listed here with the roles that see them in the
// menu (the API still decides what each may do). Add a screen by adding a line.
import { type ComponentType } from 'react';
import { type Role } from './api/models';
import { lazyScreen } from './lazy-screen';
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
  // Officials' and admins' screens load their code when first opened (the first load stays small).
  { id: 'bao-cao', label: 'Báo cáo', roles: 'all', component: lazyScreen(() => import('./screens/reports').then((m) => m.ReportsScreen)) },
  { id: 'chuong-trinh', label: 'Chương trình', roles: 'all', component: lazyScreen(() => import('./screens/programmes').then((m) => m.ProgrammesScreen)) },
  { id: 'han-bao-cao', label: 'Hạn báo cáo', roles: 'all', component: lazyScreen(() => import('./screens/deadlines').then((m) => m.DeadlinesScreen)) },
  {
    id: 'so-lieu-nha-mang',
    label: 'Số liệu nhà mạng',
    roles: 'all',
    component: lazyScreen(() => import('./screens/carrier-figures').then((m) => m.CarrierFiguresScreen)),
  },
  { id: 'nguoi-dung', label: 'Người dùng', roles: ['admin'], component: lazyScreen(() => import('./screens/users').then((m) => m.UsersScreen)) },
  {
    id: 'duong-day-nong',
    label: 'Đường dây nóng',
    roles: ['admin'],
    component: lazyScreen(() => import('./screens/provinces').then((m) => m.ProvincesScreen)),
  },
  {
    id: 'so-thu-nghiem',
    label: 'Số thử nghiệm',
    roles: ['admin'],
    component: lazyScreen(() => import('./screens/test-numbers').then((m) => m.TestNumbersScreen)),
  },
  { id: 'nhap-thue-bao', label: 'Nhập thuê bao', roles: ['admin'], component: lazyScreen(() => import('./screens/imports').then((m) => m.ImportsScreen)) },
  {
    id: 'loai-tru',
    label: 'Loại trừ',
    roles: ['admin', 'operator'],
    component: lazyScreen(() => import('./screens/exclusions').then((m) => m.ExclusionsScreen)),
  },
  { id: 'nhat-ky', label: 'Nhật ký', roles: ['admin', 'approver'], component: lazyScreen(() => import('./screens/audit').then((m) => m.AuditScreen)) },
];

export function screensFor(role: Role): Screen[] {
  return SCREENS.filter((screen) => screen.roles === 'all' || screen.roles.includes(role));
}

export const CONSOLE_PREFIX = '/console/';

export function screenFromPath(pathname: string): string | null {
  return pathname.startsWith(CONSOLE_PREFIX) ? pathname.slice(CONSOLE_PREFIX.length).split('/')[0] || null : null;
}
