import { type CampaignReport, type ProgrammeReport } from '../campaign-report';
import { figuresHeadings, figuresTable } from './report-table';
import { formatDateTime } from './vietnamese-format';

const BOM = '\uFEFF';

/**
 * One CSV cell, safe to open in Excel: text that begins like a formula (= + - @, or a tab or carriage return)
 * is prefixed with an apostrophe so it stays text; cells with a comma, quote or line break are quoted.
 * Numbers are written as they are (a negative difference is a number, not a formula).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value.normalize('NFC');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte order mark (so Excel reads the Vietnamese right), CRLF line ends. */
export function toCsv(rows: (string | number | null)[][]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A campaign's figures per province and carrier, and the totals, each line naming the campaign and the moment counted to. */
export function campaignCsv(report: CampaignReport): string {
  const until = formatDateTime(report.countedUntil);
  const table = figuresTable(report.rows, report.totals);
  return toCsv([['Chiến dịch', 'Số liệu tính đến', ...figuresHeadings()], ...table.map((cells) => [report.campaignName, until, ...cells])]);
}

/** A programme's campaigns, one line each, then the totals and the distinct subscribers reached. */
export function programmeCsv(report: ProgrammeReport): string {
  const headings = ['Chiến dịch', 'Trạng thái', 'Số thuê bao', 'Đã gửi', 'Gửi thành công', 'Không thành công', 'Đang chờ kết quả', 'Số bản tin tính cước'];
  const line = (name: string, state: string, t: ProgrammeReport['totals']) => [
    name,
    state,
    t.targeted,
    t.submitted,
    t.delivered,
    t.failed,
    t.pending,
    t.partsBilled,
  ];
  return toCsv([
    headings,
    ...report.campaigns.map((campaign) => line(campaign.campaignName, campaign.state, campaign.totals)),
    line('Tổng cộng', '', report.totals),
    ['Số thuê bao khác nhau đã nhận', '', report.distinctSubscribersReached],
  ]);
}
