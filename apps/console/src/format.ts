// Vietnamese labels and formats shared by every screen: times as HH:mm dd/MM/yyyy in Asia/Ho_Chi_Minh,
// numbers grouped the Vietnamese way (17.466).
import { type CampaignState, type Role, type SendWindow, type TemplateStatus } from './api/models';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const numberFormat = new Intl.NumberFormat('vi-VN');
const percentFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** `HH:mm dd/MM/yyyy` in Viet Nam's time; an em dash when there is no time. */
export function formatTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.formatToParts(date).find((part) => part.type === type)?.value ?? '';
  return `${get('hour')}:${get('minute')} ${get('day')}/${get('month')}/${get('year')}`;
}

/** A typed date and time (`2026-12-31T08:00`) read as Viet Nam's wall clock, as the API takes it (+07:00). */
export function localInputToInstant(value: string): string {
  return `${value.length === 16 ? `${value}:00` : value}+07:00`;
}

/** An instant as a date and time input's value (`2026-12-31T08:00`) in Viet Nam's wall clock. */
export function instantToLocalInput(value: Date): string {
  const shifted = new Date(value.getTime() + 7 * 3_600_000);
  return shifted.toISOString().slice(0, 16);
}

/** A calendar day of Viet Nam as the API writes it (`2027-03-10`) in the Vietnamese order: `10/03/2027`. */
export function formatDay(day: string | null | undefined): string {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '—';
}

/**
 * Dates and times typed the Vietnamese way, as text: Chromium draws its native date and time pickers in the
 * browser's locale (mm/dd/yyyy and 12 h in en-US), whatever the page's language. The console keeps the values
 * its inputs had before (`2026-12-31`, `2026-12-31T08:00`, `08:00`) and shows them as `31/12/2026`,
 * `08:00 31/12/2026` (its own display format) and `08:00`.
 */
export type VietnameseInputKind = 'date' | 'datetime' | 'time';

export const VIETNAMESE_INPUT_FORMATS: Record<VietnameseInputKind, string> = { date: 'dd/mm/yyyy', datetime: 'HH:mm dd/mm/yyyy', time: 'HH:mm' };

const TYPED_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const TYPED_TIME = /^(\d{1,2}):(\d{2})$/;

/** The text an input shows for a value (`2026-12-31T08:00` -> `08:00 31/12/2026`); '' for none. */
export function vietnameseInputText(kind: VietnameseInputKind, value: string): string {
  if (!value) return '';
  const [day, time] = kind === 'time' ? ['', value] : value.split('T');
  const date = day ? day.split('-').reverse().join('/') : '';
  return kind === 'date' ? date : kind === 'time' ? time : `${time} ${date}`;
}

/** The value typed text stands for ('' for nothing typed), or null when it is not a real day or time of that form. */
export function parseVietnameseInput(kind: VietnameseInputKind, text: string): string | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  if (kind === 'time') return words.length === 1 ? typedTime(words[0]) : null;
  if (kind === 'date') return words.length === 1 ? typedDate(words[0]) : null;
  if (words.length !== 2) return null;
  // "08:00 31/12/2026" as the console writes times, or "31/12/2026 08:00".
  const [time, date] = TYPED_TIME.test(words[0]) ? words : [words[1], words[0]];
  const [day, clock] = [typedDate(date), typedTime(time)];
  return day && clock ? `${day}T${clock}` : null;
}

function typedDate(text: string): string | null {
  const match = TYPED_DATE.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function typedTime(text: string): string | null {
  const match = TYPED_TIME.exec(text);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  return `${pad(Number(match[1]))}:${match[2]}`;
}

const pad = (value: number) => String(value).padStart(2, '0');

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : numberFormat.format(value);
}

/** 0.1234 -> "12,3%". */
export function formatPercent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? '—' : `${percentFormat.format(100 * ratio)}%`;
}

export const CAMPAIGN_STATES: Record<CampaignState, string> = {
  draft: 'Bản nháp',
  pending_approval: 'Chờ duyệt',
  scheduled: 'Đã lên lịch',
  running: 'Đang gửi',
  paused: 'Tạm dừng',
  completed: 'Hoàn thành',
  cancelled: 'Đã hủy',
};

export const TEMPLATE_STATUSES: Record<TemplateStatus, string> = {
  draft: 'Bản nháp',
  pending: 'Chờ duyệt',
  approved: 'Đã duyệt',
  rejected: 'Bị từ chối',
};

export const ROLES: Record<Role, string> = {
  admin: 'Quản trị',
  drafter: 'Cán bộ soạn thảo',
  approver: 'Lãnh đạo duyệt',
  operator: 'Trực ban',
  viewer: 'Cán bộ theo dõi',
};

export const CARRIERS: Record<string, string> = { viettel: 'Viettel', vnpt: 'VNPT (VinaPhone)', mobifone: 'MobiFone', others: 'Mạng khác' };
export const carrierName = (carrier: string): string => CARRIERS[carrier] ?? carrier;
export const CARRIER_IDS = ['viettel', 'vnpt', 'mobifone', 'others'] as const;

export const ENCODINGS: Record<string, string> = { gsm7: 'GSM 7-bit', ucs2: 'UCS-2 (có dấu)' };
export const POLICIES: Record<string, string> = { auto: 'Tự động', unicode: 'Có dấu (Unicode)', 'ascii-fold': 'Không dấu' };

/** States of one message, as the lookup and reports show them. */
export const MESSAGE_STATES: Record<string, string> = {
  queued: 'Đang chờ gửi',
  sending: 'Đang gửi',
  submitted: 'Đã gửi, chờ báo nhận',
  delivered: 'Đã nhận',
  undeliverable: 'Không gửi được',
  expired: 'Hết hạn',
  rejected: 'Bị nhà mạng từ chối',
  failed: 'Lỗi',
  unknown: 'Không rõ',
  held: 'Đang giữ lại',
  capped: 'Vượt giới hạn trong ngày',
  expired_unsent: 'Hết hạn trước khi gửi',
  cancelled: 'Đã hủy (không gửi)',
};

export const TEST_SEND_STATES: Record<string, string> = {
  queued: 'Đang chờ gửi',
  sending: 'Đang gửi',
  accepted: 'Nhà mạng đã nhận',
  refused: 'Nhà mạng từ chối',
  failed: 'Lỗi',
};

/** Regions to pick provinces by (current codes, 2025 scheme). */
export const REGIONS: { id: string; label: string; contains: (code: string) => boolean }[] = [
  { id: 'bac', label: 'Miền Bắc', contains: (code) => Number(code) < 38 },
  { id: 'trung', label: 'Miền Trung và Tây Nguyên', contains: (code) => Number(code) >= 38 && Number(code) < 75 },
  { id: 'nam', label: 'Miền Nam', contains: (code) => Number(code) >= 75 },
];

/** A campaign's send window in words. */
export function describeWindow(window: SendWindow | null): string {
  return !window || window.kind === 'lifted' ? 'cả ngày đêm (ngoại lệ)' : `${window.start} – ${window.end} hằng ngày`;
}
