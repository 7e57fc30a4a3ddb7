import { type CampaignReport, type ProgrammeReport } from '../campaign-report';
import { CANCELLED_HEADING, figuresHeadings, figuresTable } from './report-table';
import { CsvCode, type CsvLocale, spreadsheetCsv, type CsvValue } from './spreadsheet-csv';
import { formatDateTime, stateName, timeHeading } from './vietnamese-format';

/** A document of rows in the locale's convention (spreadsheet-csv.ts); `en` unless asked. */
export function toCsv(rows: CsvValue[][], locale: CsvLocale = 'en'): string {
  return spreadsheetCsv(rows, locale);
}

/** A campaign's figures per province and carrier, and the totals, each line naming the campaign and the moment counted to. */
export function campaignCsv(report: CampaignReport, locale: CsvLocale = 'en'): string {
  const until = formatDateTime(report.countedUntil);
  const table = figuresTable(report.rows, report.totals, (code) => new CsvCode(code));
  return toCsv(
    [['Chiến dịch', timeHeading('Số liệu tính đến'), ...figuresHeadings()], ...table.map((cells) => [report.campaignName, until, ...cells])],
    locale,
  );
}

/** A programme's campaigns, one line each, then the totals and the distinct subscribers reached. */
export function programmeCsv(report: ProgrammeReport, locale: CsvLocale = 'en'): string {
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
  return toCsv(
    [
      headings,
      ...report.campaigns.map((campaign) => line(campaign.campaignName, stateName(campaign.state), campaign.totals)),
      line('Tổng cộng', '', report.totals),
      // As wide as the others: a strict CSV reader refuses a short line.
      ['Số thuê bao khác nhau đã nhận', '', report.distinctSubscribersReached, ...headings.slice(3).map(() => null)],
    ],
    locale,
  );
}
