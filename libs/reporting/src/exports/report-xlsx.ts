import type ExcelJS from 'exceljs';
import { type CampaignReport, type ProgrammeReport, type ReportFigures } from '../campaign-report';
import { CANCELLED_HEADING, figuresHeadings, figuresTable } from './report-table';
import { calendarDate, CARRIER_NAMES, ERROR_SOURCE_NAMES, formatDateTime, reasonText, stateName, timeHeading } from './vietnamese-format';

type Cell = string | number | null;

/**
 * Excel workbooks of the reports: one sheet per view, Vietnamese headings in bold, states in words, times as
 * Viet Nam's wall-clock text (`14:05 29/01/2024`) under a heading or label that says `(giờ Việt Nam, UTC+07:00)`.
 */
export async function campaignXlsx(report: CampaignReport): Promise<Buffer> {
  const book = await newBook();
  addSheet(book, 'Tổng hợp', ['Mục', 'Giá trị'], summaryLines(report));
  addFiguresSheet(book, 'Theo tỉnh và nhà mạng', report);
  addSheet(
    book,
    'Diễn biến theo thời gian',
    [timeHeading(report.timeline.step === 'minute' ? 'Phút' : 'Giờ'), 'Đã gửi', 'Gửi thành công'],
    report.timeline.points.map((point) => [formatDateTime(point.at), point.submitted, point.delivered]),
  );
  addSheet(
    book,
    'Lỗi',
    ['Nguồn', 'Kết quả', 'Lý do', 'Số tin'],
    report.errors.map((error) => [ERROR_SOURCE_NAMES[error.source], stateName(error.state), reasonText(error), error.messages]),
  );
  if (report.atDeadline) addFiguresSheet(book, 'Chốt tại hạn báo cáo', report.atDeadline);
  if (report.carrierReports) {
    addSheet(
      book,
      'Nhà mạng báo cáo',
      [
        'Nhà mạng',
        'Ngày báo cáo',
        'Số văn bản',
        'Thuê bao (nhà mạng)',
        'Đã gửi (nhà mạng)',
        'Thành công (nhà mạng)',
        'Thành công (Loa)',
        'Chênh lệch thành công',
      ],
      [
        ...report.carrierReports.reported.map((entry) => [
          CARRIER_NAMES[entry.carrier] ?? entry.carrier,
          calendarDate(entry.reported.reportedOn),
          entry.reported.reference,
          entry.reported.targeted,
          entry.reported.sent,
          entry.reported.delivered,
          entry.loa.delivered,
          entry.difference.delivered,
        ]),
        ...report.carrierReports.notReported.map((carrier) => [CARRIER_NAMES[carrier] ?? carrier, 'Chưa báo cáo', null, null, null, null, null, null]),
      ],
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function programmeXlsx(report: ProgrammeReport): Promise<Buffer> {
  const book = await newBook();
  const p = report.programme;
  addSheet(
    book,
    'Tổng hợp',
    ['Mục', 'Giá trị'],
    [
      ['Chương trình', p.name],
      ['Số báo cáo', p.reportNumber],
      ['Kế hoạch', p.planReference],
      ['Đơn vị', p.issuingUnit],
      ['Căn cứ', p.legalBasis],
      [timeHeading('Hạn báo cáo'), formatDateTime(p.reportDeadline)],
      ['Số thuê bao khác nhau đã nhận', report.distinctSubscribersReached],
    ],
  );
  addSheet(
    book,
    'Các đợt gửi',
    [
      'Chiến dịch',
      'Trạng thái',
      timeHeading('Bắt đầu'),
      'Số thuê bao',
      'Đã gửi',
      'Gửi thành công',
      'Không thành công',
      CANCELLED_HEADING,
      'Số bản tin tính cước',
    ],
    [
      ...report.campaigns.map((c) => [
        c.campaignName,
        stateName(c.state),
        formatDateTime(c.startAt),
        c.totals.targeted,
        c.totals.submitted,
        c.totals.delivered,
        c.totals.failed,
        c.totals.cancelled,
        c.totals.partsBilled,
      ]),
      [
        'Tổng cộng',
        null,
        null,
        report.totals.targeted,
        report.totals.submitted,
        report.totals.delivered,
        report.totals.failed,
        report.totals.cancelled,
        report.totals.partsBilled,
      ],
    ],
  );
  addSheet(book, 'Theo tỉnh và nhà mạng', figuresHeadings(), figuresTable(report.rows, report.totals));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** exceljs is loaded on the first workbook: it takes a third of a second, and most processes never write one. */
async function newBook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book.creator = 'Loa';
  return book;
}

function summaryLines(report: CampaignReport): Cell[][] {
  return [
    ['Chiến dịch', report.campaignName],
    ['Trạng thái', stateName(report.state)],
    ['Chương trình', report.programme?.name ?? null],
    [timeHeading('Bắt đầu'), formatDateTime(report.startAt)],
    [timeHeading('Hạn báo cáo'), formatDateTime(report.reportDeadline)],
    [timeHeading('Số liệu tính đến'), formatDateTime(report.countedUntil)],
    [timeHeading('Gửi tin đầu tiên'), formatDateTime(report.times.firstSentAt)],
    [timeHeading('Gửi tin cuối cùng'), formatDateTime(report.times.lastSentAt)],
    [timeHeading('Báo nhận đầu tiên'), formatDateTime(report.times.firstReceiptAt)],
    [timeHeading('Báo nhận cuối cùng'), formatDateTime(report.times.lastReceiptAt)],
    ['Số thuê bao', report.totals.targeted],
    ['Đã gửi', report.totals.submitted],
    ['Gửi thành công', report.totals.delivered],
    ['Không thành công', report.totals.failed],
    [CANCELLED_HEADING, report.totals.cancelled],
    ['Tỷ lệ thành công (%)', report.totals.deliveryRate === null ? null : Math.round(report.totals.deliveryRate * 1000) / 10],
    ['Số bản tin tính cước', report.totals.partsBilled],
  ];
}

function addFiguresSheet(book: ExcelJS.Workbook, name: string, figures: ReportFigures): void {
  const sheet = addSheet(book, name, figuresHeadings(), figuresTable(figures.rows, figures.totals));
  sheet.getRow(sheet.rowCount).font = { bold: true };
}

function addSheet(book: ExcelJS.Workbook, name: string, headings: string[], rows: Cell[][]): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headings).font = { bold: true };
  sheet.addRows(rows);
  headings.forEach((heading, index) => {
    const longest = Math.max(heading.length, ...rows.map((row) => String(row[index] ?? '').length));
    sheet.getColumn(index + 1).width = Math.min(60, longest + 2);
  });
  return sheet;
}
