import { type ProgrammeCampaign, type ReportCounts, type ReportRow } from '../campaign-report';
import { CARRIER_NAMES, formatDateTime, stateName, timeHeading } from './vietnamese-format';

/** One column of a table of counts: its Vietnamese heading and how a row (or the totals, without the row's own fields) gives its value. */
export interface TableColumn<Row> {
  heading: string;
  value: (row: ReportCounts & Partial<Row>) => string | number | null;
  /** A code (a province code `01`): text, never a number, in every export. */
  code?: true;
  /** A name kept on one line in print (`Thành phố Hồ Chí Minh`). */
  name?: true;
}

const RATE_HEADING = 'Tỷ lệ thành công (%)';
/** Messages a cancel ended before they were sent: apart from failures. */
export const CANCELLED_HEADING = 'Đã hủy, không gửi';

/** The counts every table gives after its own leading columns, in this order. */
const COUNT_COLUMNS: TableColumn<object>[] = [
  { heading: 'Số thuê bao', value: (row) => row.targeted },
  { heading: 'Đã gửi', value: (row) => row.submitted },
  { heading: 'Gửi thành công', value: (row) => row.delivered },
  { heading: 'Không thành công', value: (row) => row.failed },
  { heading: CANCELLED_HEADING, value: (row) => row.cancelled },
  { heading: 'Đang chờ kết quả', value: (row) => row.pending },
  { heading: RATE_HEADING, value: (row) => percent(row.deliveryRate) },
  { heading: 'Số bản tin tính cước', value: (row) => row.partsBilled },
];

/** The columns of the per-province-and-carrier table, the same in CSV, XLSX and HTML. */
export const FIGURES_COLUMNS: TableColumn<ReportRow>[] = [
  { heading: 'Mã tỉnh', value: (row) => row.provinceCode ?? '', code: true },
  { heading: 'Tỉnh, thành phố', value: (row) => row.provinceName ?? 'Tổng cộng', name: true },
  { heading: 'Nhà mạng', value: (row) => (row.carrier ? (CARRIER_NAMES[row.carrier] ?? row.carrier) : '') },
  ...COUNT_COLUMNS,
  { heading: 'Gửi trùng', value: (row) => row.duplicated },
];

/** The columns of a programme's table of campaigns, one line each, then the totals. */
export const CAMPAIGN_COLUMNS: TableColumn<ProgrammeCampaign>[] = [
  { heading: 'Đợt gửi', value: (row) => row.campaignName ?? 'Tổng cộng' },
  { heading: 'Trạng thái', value: (row) => (row.state ? stateName(row.state) : '') },
  { heading: timeHeading('Bắt đầu'), value: (row) => (row.startAt ? formatDateTime(row.startAt) : '') },
  ...COUNT_COLUMNS,
];
/** Whether a column is the delivery rate (shown as a percentage in print). */
export function isRateColumn(column: { heading: string }): boolean {
  return column.heading === RATE_HEADING;
}

function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

/** The table's rows, then the totals row; `asCode` marks the code columns' values (a CSV quotes them). */
export function figuresTable<Code = string>(
  rows: ReportRow[],
  totals: ReportCounts,
  asCode: (text: string) => Code | string = (text) => text,
): (string | number | null | Code)[][] {
  return [...rows, totals].map((row) =>
    FIGURES_COLUMNS.map((column) => {
      const value = column.value(row);
      return column.code && typeof value === 'string' && value !== '' ? asCode(value) : value;
    }),
  );
}

export function figuresHeadings(): string[] {
  return FIGURES_COLUMNS.map((column) => column.heading);
}
