import { type ReportCounts, type ReportRow } from '../campaign-report';
import { CARRIER_NAMES } from './vietnamese-format';

/** One column of a figures table: its Vietnamese heading and how a row gives its value. */
export interface FiguresColumn {
  heading: string;
  value: (row: ReportRow | (ReportCounts & Partial<ReportRow>)) => string | number | null;
}

/** The columns of the per-province-and-carrier table, the same in CSV, XLSX and HTML. */
export const FIGURES_COLUMNS: FiguresColumn[] = [
  { heading: 'Mã tỉnh', value: (row) => row.provinceCode ?? '' },
  { heading: 'Tỉnh, thành phố', value: (row) => row.provinceName ?? 'Tổng cộng' },
  { heading: 'Nhà mạng', value: (row) => (row.carrier ? (CARRIER_NAMES[row.carrier] ?? row.carrier) : '') },
  { heading: 'Số thuê bao', value: (row) => row.targeted },
  { heading: 'Đã gửi', value: (row) => row.submitted },
  { heading: 'Gửi thành công', value: (row) => row.delivered },
  { heading: 'Không thành công', value: (row) => row.failed },
  { heading: 'Đang chờ kết quả', value: (row) => row.pending },
  { heading: 'Tỷ lệ thành công (%)', value: (row) => (row.deliveryRate === null ? null : Math.round(row.deliveryRate * 1000) / 10) },
  { heading: 'Số bản tin tính cước', value: (row) => row.partsBilled },
  { heading: 'Gửi trùng', value: (row) => row.duplicated },
];

/** Where the delivery rate sits (shown as a percentage in print). */
export const RATE_COLUMN = FIGURES_COLUMNS.findIndex((column) => column.heading.startsWith('Tỷ lệ'));

/** The table's rows, then the totals row. */
export function figuresTable(rows: ReportRow[], totals: ReportCounts): (string | number | null)[][] {
  return [...rows, totals].map((row) => FIGURES_COLUMNS.map((column) => column.value(row)));
}

export function figuresHeadings(): string[] {
  return FIGURES_COLUMNS.map((column) => column.heading);
}
