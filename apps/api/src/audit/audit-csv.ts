import { type AuditRecord } from '@loa/auth';
import { formatVietnamInstant } from '@loa/common';
import { type CsvLocale, spreadsheetCsv, stateName } from '@loa/reporting';
import { auditActionLabel, auditObjectLabel } from './audit-labels';

/**
 * Column labels of the CSV, in Vietnamese for the officials who read it. Actions and states are written in
 * words, times as ISO 8601 in +07:00 (`2026-12-07T17:54:44.097+07:00`). The action's stable code, for
 * scripts, comes last under its own label; the JSON answer (`?format=json`) has every code.
 */
export const AUDIT_CODE_HEADING = 'Mã hành động (dành cho máy)';

const CSV_HEADER = [
  'Mã',
  'Thời điểm',
  'Người thực hiện',
  'Hành động',
  'Loại đối tượng',
  'Mã đối tượng',
  'Tỉnh/thành',
  'Trước',
  'Sau',
  'Chi tiết',
  'Mã yêu cầu',
  'Mã yêu cầu của máy khách',
  'Địa chỉ nguồn',
  AUDIT_CODE_HEADING,
];

/** Names of the fields the log's before/after/details carry most, as an official reads them. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: 'Mã',
  state: 'Trạng thái',
  status: 'Trạng thái',
  name: 'Tên',
  version: 'Phiên bản',
  startAt: 'Bắt đầu',
  reason: 'Lý do',
  provinces: 'Tỉnh',
  carrier: 'Nhà mạng',
  carriers: 'Nhà mạng',
  templateId: 'Mã mẫu tin',
  count: 'Số lượng',
  messages: 'Số tin',
  byProvince: 'Theo tỉnh',
  targeted: 'Số thuê bao',
  sent: 'Đã gửi',
  delivered: 'Gửi thành công',
  reference: 'Số văn bản',
  reportedOn: 'Ngày báo cáo',
};

/** A template's status in words (a campaign's state goes by the report's names). */
const TEMPLATE_STATUS_NAMES: Readonly<Record<string, string>> = {
  draft: 'Bản nháp',
  pending: 'Chờ duyệt',
  approved: 'Đã duyệt',
  rejected: 'Bị từ chối',
};

/** The entries as a CSV document in the locale's convention (numbers masked and times in +07:00 by the caller). */
export function auditCsv(entries: AuditRecord[], locale: CsvLocale): string {
  return spreadsheetCsv(
    [
      CSV_HEADER,
      ...entries.map((e) => [
        e.id,
        formatVietnamInstant(e.at),
        e.username ?? '',
        auditActionLabel(e.action),
        auditObjectLabel(e.objectType),
        e.objectId,
        (e.provinces ?? []).join(' '),
        describe(e.before),
        describe(e.after),
        describe(e.details),
        e.requestId,
        e.clientRequestId,
        e.remoteAddr,
        e.action,
      ]),
    ],
    locale,
  );
}

/** `Trạng thái: Đang gửi; Bắt đầu: 2026-02-10T08:00:00.000+07:00`: fields named in Vietnamese, states in words, times in +07:00. */
function describe(fields: Record<string, unknown> | null): string {
  if (!fields) return '';
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${FIELD_LABELS[key] ?? key}: ${fieldValue(key, value)}`)
    .join('; ');
}

function fieldValue(key: string, value: unknown): string {
  if (typeof value !== 'string') return text(value);
  if (key === 'state') return stateName(value);
  if (key === 'status') return TEMPLATE_STATUS_NAMES[value] ?? stateName(value);
  return text(value);
}

/** Stored times come in +07:00 already (withStoredTimesInVietnam). */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(text).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
