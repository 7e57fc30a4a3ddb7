/** How officials' documents write numbers and times: `12.345`, `98,2%`, `14:05 29/01/2024`, Asia/Ho_Chi_Minh wall clock. */
const INTEGER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

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
  delivered: 'Gửi thành công',
  undeliverable: 'Không chuyển được',
  expired: 'Hết hạn',
  rejected: 'Bị từ chối',
  failed: 'Lỗi gửi',
  unknown: 'Không rõ kết quả',
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

function wallClock(moment: Date): Record<string, string> {
  return Object.fromEntries(PARTS.formatToParts(moment).map((part) => [part.type, part.value]));
}

/** `14:05 29/01/2024`, or a dash. */
export function formatDateTime(moment: Date | null): string {
  if (!moment) return '–';
  const p = wallClock(moment);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

/** `29/01/2024`. */
export function formatDate(moment: Date): string {
  const p = wallClock(moment);
  return `${p.day}/${p.month}/${p.year}`;
}

/** The dateline of a document: `Sơn La, ngày 29 tháng 01 năm 2024`. */
export function dateline(place: string, moment: Date): string {
  const p = wallClock(moment);
  return `${place}, ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** A province's name as a place in a dateline: `Tỉnh Sơn La` -> `Sơn La`. */
export function placeName(provinceName: string): string {
  return provinceName.replace(/^(Tỉnh|Thành phố)\s+/u, '');
}
