import { csvDocument } from '@loa/common';
import { type CampaignReport, type ProgrammeReport } from '../campaign-report';
import { CANCELLED_HEADING, figuresHeadings, figuresTable } from './report-table';
import { formatDateTime } from './vietnamese-format';

/** UTF-8 with a byte order mark (so Excel reads the Vietnamese right), CRLF line ends, formula-looking text neutralised. */
export function toCsv([header, ...rows]: (string | number | null)[][]): string {
  return csvDocument(header, rows);
}

/** A campaign's figures per province and carrier, and the totals, each line naming the campaign and the moment counted to. */
export function campaignCsv(report: CampaignReport): string {
  const until = formatDateTime(report.countedUntil);
  const table = figuresTable(report.rows, report.totals);
  return toCsv([['Chiến dịch', 'Số liệu tính đến', ...figuresHeadings()], ...table.map((cells) => [report.campaignName, until, ...cells])]);
}

/** A programme's campaigns, one line each, then the totals and the distinct subscribers reached. */
export function programmeCsv(report: ProgrammeReport): string {
  const headings = [
    'Chiến dịch',
    'Trạng thái',
    'Số thuê bao',
    'Đã gửi',
    'Gửi thành công',
    'Không thành công',
    CANCELLED_HEADING,
    'Đang chờ kết quả',
    'Số bản tin tính cước',
  ];
  const line = (name: string, state: string, t: ProgrammeReport['totals']) => [
    name,
    state,
    t.targeted,
    t.submitted,
    t.delivered,
    t.failed,
    t.cancelled,
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
