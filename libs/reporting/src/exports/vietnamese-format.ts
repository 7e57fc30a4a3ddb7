import { formatVietnamDate, formatVietnamTime, VIETNAM_OFFSET } from '@loa/common';

/** How officials' documents write numbers and times: `12.345`, `98,2%`, `14:05 29/01/2024` on Viet Nam's wall clock (@loa/common's vietnam-time). */
const INTEGER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** What a heading says of the wall-clock times (`14:05 29/01/2024`) under it: the offset they are in. */
export const VIETNAM_TIME_NOTE = `giờ Việt Nam, UTC${VIETNAM_OFFSET}`;

/** A heading over wall-clock times: `Bắt đầu (giờ Việt Nam, UTC+07:00)`. */
export function timeHeading(heading: string): string {
  return `${heading} (${VIETNAM_TIME_NOTE})`;
}

export const CARRIER_NAMES: Readonly<Record<string, string>> = { viettel: 'Viettel', vnpt: 'VNPT (VinaPhone)', mobifone: 'MobiFone', others: 'Mạng khác' };

export const STATE_NAMES: Readonly<Record<string, string>> = {
  draft: 'Bản nháp',
  pending_approval: 'Chờ phê duyệt',
  scheduled: 'Đã lên lịch',
  running: 'Đang gửi',
  paused: 'Tạm dừng',
  completed: 'Hoàn thành',
  // a campaign cancelled; a message of it never sent reads 'Đã hủy, không gửi' (report-table.ts)
  cancelled: 'Đã hủy',
  queued: 'Chờ gửi',
  sending: 'Đang gửi tới nhà mạng',
  submitted: 'Nhà mạng đã nhận, chờ báo nhận',
  held: 'Tạm giữ theo giới hạn trong ngày',
  delivered: 'Gửi thành công',
  undeliverable: 'Không chuyển được',
  expired: 'Hết hạn',
  rejected: 'Bị từ chối',
  failed: 'Lỗi gửi',
  unknown: 'Không rõ kết quả',
  capped: 'Không gửi do giới hạn trong ngày',
  expired_unsent: 'Hết hiệu lực trước khi gửi',
};

/** A state's Vietnamese name; a state this table lacks is named as unknown rather than shown in English. */
export function stateName(state: string): string {
  return STATE_NAMES[state] ?? `Trạng thái khác (${state})`;
}

/** What the deadlines list says of a programme: the least advanced of its campaigns. */
export const PROGRAMME_STATE_NAMES: Readonly<Record<string, string>> = {
  empty: 'Chưa có đợt gửi',
  in_progress: 'Đang thực hiện',
  completed: 'Hoàn thành',
};

export const ERROR_SOURCE_NAMES: Readonly<Record<string, string>> = {
  receipt: 'Báo nhận của nhà mạng (stat/err)',
  submit: 'Nhà mạng từ chối khi gửi (command_status)',
  loa: 'Hệ thống Loa',
};

/** Loa's own reasons for a message that did not reach the handset, in an official's words; the original follows, for the NOC. */
const LOA_REASONS: readonly [RegExp, string][] = [
  [/^no delivery receipt within the validity period/, 'Nhà mạng không gửi báo nhận trong thời hạn hiệu lực'],
  [/^submit_sm part \d+\/\d+: /, 'Nhà mạng không trả lời lệnh gửi tin'],
  [/^cannot build submit_sm/, 'Không tạo được bản tin gửi nhà mạng'],
];

/** A reason of an error row, in Vietnamese where Loa gave it (carriers' stat/err and command_status stay as they are). */
export function reasonText(error: { source: string; reason: string }): string {
  const known = error.source === 'loa' ? LOA_REASONS.find(([pattern]) => pattern.test(error.reason)) : undefined;
  return known ? `${known[1]} (${error.reason})` : error.reason;
}

export function formatInteger(value: number): string {
  return INTEGER.format(value);
}

/** A rate as a percentage with one decimal (`98,2%`), or a dash when there is nothing to rate. */
export function formatRate(rate: number | null): string {
  return rate === null ? '–' : `${ONE_DECIMAL.format(rate * 100)}%`;
}

/** `14:05 29/01/2024` on Viet Nam's wall clock, or a dash: under a heading that says so (`timeHeading`). */
export function formatDateTime(moment: Date | null): string {
  return moment ? formatVietnamTime(moment) : '–';
}

/** `29/01/2024`. */
export function formatDate(moment: Date): string {
  return formatVietnamDate(moment);
}

/** A calendar date as the API takes it (`2026-02-20`), as a document writes it: `20/02/2026`. */
export function calendarDate(isoDate: string): string {
  return isoDate.split('-').reverse().join('/');
}

/** The dateline of a document: `Sơn La, ngày 29 tháng 01 năm 2024`. */
export function dateline(place: string, moment: Date): string {
  const [day, month, year] = formatVietnamDate(moment).split('/');
  return `${place}, ngày ${day} tháng ${month} năm ${year}`;
}

/** A province's name as a place in a dateline: `Tỉnh Sơn La` -> `Sơn La`. */
export function placeName(provinceName: string): string {
  return provinceName.replace(/^(Tỉnh|Thành phố)\s+/u, '');
}
