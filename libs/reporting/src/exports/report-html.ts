import Handlebars from 'handlebars';
import {
  type CampaignReport,
  type CarrierReports,
  overallTimes,
  type ProgrammeReport,
  type ProgrammeSummary,
  type ReportCounts,
  type ReportFigures,
  type ReportTimes,
} from '../campaign-report';
import { CAMPAIGN_REPORT_TEMPLATE } from './campaign-report.hbs';
import { PROGRAMME_REPORT_TEMPLATE } from './programme-report.hbs';
import { REPORT_PARTIALS } from './report-partials.hbs';
import { CAMPAIGN_COLUMNS, FIGURES_COLUMNS, isRateColumn, type TableColumn } from './report-table';
import { timelineSvg } from './timeline-chart';
import {
  calendarDate,
  CARRIER_NAMES,
  dateline,
  ERROR_SOURCE_NAMES,
  formatDateTime,
  formatInteger,
  formatRate,
  placeName,
  reasonText,
  stateName,
  VIETNAM_TIME_NOTE,
} from './vietnamese-format';

/** A private Handlebars environment: the templates library's helpers and strict mode are for SMS texts, not this. */
const handlebars = Handlebars.create();
for (const [name, partial] of Object.entries(REPORT_PARTIALS)) handlebars.registerPartial(name, handlebars.compile(partial, { strict: true }));
const renderCampaignReport = handlebars.compile(CAMPAIGN_REPORT_TEMPLATE, { strict: true });
const renderProgrammeReport = handlebars.compile(PROGRAMME_REPORT_TEMPLATE, { strict: true });

/** The printable report (A4, from a browser) in the layout of a Vietnamese administrative document. */
export function campaignHtml(report: CampaignReport, options: { provinceName: string | null }): string {
  const programme = report.programme;
  return renderCampaignReport({
    ...documentParts(programme, options.provinceName, report.generatedAt, report.rows),
    subject: report.campaignName,
    period: periodOf(report.times, [report.startAt], report.countedUntil),
    countedUntil: formatDateTime(report.countedUntil),
    timeNote: VIETNAM_TIME_NOTE,
    state: stateName(report.state),
    targeted: formatInteger(report.totals.targeted),
    delivered: formatInteger(report.totals.delivered),
    cancelled: report.totals.cancelled > 0 ? formatInteger(report.totals.cancelled) : null,
    deliveryRate: formatRate(report.totals.deliveryRate),
    figures: htmlTable(report),
    chart: timelineSvg(report.timeline),
    timelineStep: report.timeline.step === 'minute' ? 'phút' : 'giờ',
    hasErrors: report.errors.length > 0,
    errors: report.errors.slice(0, 12).map((error) => ({
      source: ERROR_SOURCE_NAMES[error.source],
      state: stateName(error.state),
      reason: reasonText(error),
      messages: formatInteger(error.messages),
    })),
    atDeadline: report.atDeadline && {
      until: formatDateTime(report.atDeadline.countedUntil),
      delivered: formatInteger(report.atDeadline.totals.delivered),
      deliveryRate: formatRate(report.atDeadline.totals.deliveryRate),
      figures: htmlTable(report.atDeadline),
    },
    carrierReports: carrierReportsView(report.carrierReports),
  });
}

/**
 * The printable programme report: the campaigns with their total and the distinct subscribers reached, then
 * each campaign's figures per province and carrier and what its carriers reported.
 */
export function programmeHtml(report: ProgrammeReport, options: { provinceName: string | null }): string {
  const programme = report.programme;
  return renderProgrammeReport({
    ...documentParts(programme, options.provinceName, report.generatedAt, report.rows),
    subject: programme.name,
    campaignCount: formatInteger(report.campaigns.length),
    period: periodOf(
      overallTimes(report.campaigns.map((campaign) => campaign.times)),
      report.campaigns.map((campaign) => campaign.startAt),
      report.generatedAt,
    ),
    reportDeadline: programme.reportDeadline ? formatDateTime(programme.reportDeadline) : '',
    generatedAt: formatDateTime(report.generatedAt),
    timeNote: VIETNAM_TIME_NOTE,
    targeted: formatInteger(report.totals.targeted),
    delivered: formatInteger(report.totals.delivered),
    deliveryRate: formatRate(report.totals.deliveryRate),
    distinctSubscribersReached: formatInteger(report.distinctSubscribersReached),
    summary: formattedTable(
      CAMPAIGN_COLUMNS,
      report.campaigns.map((campaign) => ({ ...campaign, ...campaign.totals })),
      report.totals,
    ),
    campaigns: report.campaigns.map((campaign, index) => ({
      number: index + 1,
      name: campaign.campaignName,
      period: periodOf(campaign.times, [campaign.startAt], report.generatedAt),
      state: stateName(campaign.state),
      figures: htmlTable(campaign),
      carrierReports: carrierReportsView(campaign.carrierReports),
      sent: campaign.sent && {
        template: `${campaign.sent.templateName}, phiên bản ${campaign.sent.templateVersion}`,
        texts: campaign.sent.texts.map((sent) => ({
          text: sent.text,
          where: campaign.sent!.texts.length > 1 ? sent.provinceNames.join(', ') : '',
          carriers: sent.carriers.map((carrier) => CARRIER_NAMES[carrier] ?? carrier).join(', '),
        })),
      },
    })),
  });
}

/**
 * The parts of the document around the figures: header (issuing unit in capitals, the report's number, the
 * dateline), the legal basis naming the plan, the addressee, the recipients, the signer and the contact.
 * The place is the programme's, else the one province the rows are of, else left to be written in.
 */
function documentParts(programme: ProgrammeSummary | null, provinceName: string | null, generatedAt: Date, rows: { provinceName: string }[]) {
  const place = programme?.place ?? (provinceName ? placeName(provinceName) : null);
  const recipients = programme?.recipients ?? [];
  const issuingUnit = programme?.issuingUnit ?? '';
  const legalBasis = programme?.legalBasis ?? '';
  const planReference = programme?.planReference ?? '';
  return {
    governingBody: programme?.governingBody ?? '',
    issuingUnit,
    unitInSentence: issuingUnit ? inSentence(issuingUnit, [...(place ? [place] : []), ...rows.map((row) => placeName(row.provinceName))]) : '',
    reportNumber: programme?.reportNumber ?? '',
    dateline: dateline(place ?? '……', generatedAt),
    programmeName: programme?.name ?? '',
    legalBasis,
    planReference: planReference && !legalBasis.includes(planReference) ? planReference : '',
    addressee: recipients[0] ?? '',
    recipients: recipients.slice(1),
    signerTitle: (programme?.signerTitle ?? 'THỦ TRƯỞNG ĐƠN VỊ').split('\n').filter((line) => line.trim() !== ''),
    signerName: programme?.signerName ?? '',
    contactOfficer: programme?.contactOfficer ?? '',
    contactPhone: programme?.contactPhone ?? '',
  };
}

/**
 * The issuing unit as Decree 30 writes it mid-sentence: as entered when it has lower case letters, else (typed
 * in capitals, as on a header) lower case with its first letter and the names of `places` capitalised again:
 * `CÔNG AN TỈNH SƠN LA` -> `Công an tỉnh Sơn La`.
 */
export function inSentence(unit: string, places: string[]): string {
  if (unit !== unit.toLocaleUpperCase('vi')) return unit;
  let text = unit.toLocaleLowerCase('vi');
  text = text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
  for (const place of new Set(places)) text = text.split(place.toLocaleLowerCase('vi')).join(place);
  return text;
}

/**
 * `từ 08:00 10/02/2026 đến 09:12 10/02/2026`: the first send to the last receipt (or to `until` while none came);
 * before anything was sent, the planned start.
 */
function periodOf(times: ReportTimes, starts: Date[], until: Date): string {
  if (!times.firstSentAt) {
    return starts.length ? `chưa gửi tin (dự kiến bắt đầu ${formatDateTime(new Date(Math.min(...starts.map((start) => start.getTime()))))})` : 'chưa gửi tin';
  }
  return `từ ${formatDateTime(times.firstSentAt)} đến ${formatDateTime(times.lastReceiptAt ?? until)}`;
}

/** The earliest first and the latest last of several campaigns' times. */

function carrierReportsView(reports: CarrierReports) {
  return (
    reports && {
      reported: reports.reported.map((entry) => ({
        carrier: CARRIER_NAMES[entry.carrier] ?? entry.carrier,
        reportedOn: calendarDate(entry.reported.reportedOn),
        reference: entry.reported.reference ?? '',
        sent: formatInteger(entry.reported.sent),
        delivered: formatInteger(entry.reported.delivered),
        loaDelivered: formatInteger(entry.loa.delivered),
        difference: formatInteger(entry.difference.delivered),
      })),
      notReported: reports.notReported.map((carrier) => CARRIER_NAMES[carrier] ?? carrier).join(', '),
    }
  );
}

interface HtmlCell {
  text: string;
  number: boolean;
  /** A name that must not wrap (a province's). */
  name: boolean;
}

interface HtmlTable {
  headings: string[];
  rows: HtmlCell[][];
  totals: HtmlCell[];
}

/** The figures per province and carrier with Vietnamese number formats (`12.345`, `98,2%`); the totals row last. */
function htmlTable(figures: Pick<ReportFigures, 'rows' | 'totals'>): HtmlTable {
  return formattedTable(FIGURES_COLUMNS, figures.rows, figures.totals);
}

function formattedTable<Row>(columns: TableColumn<Row>[], rows: (ReportCounts & Row)[], totals: ReportCounts): HtmlTable {
  const cells = (row: ReportCounts & Partial<Row>) =>
    columns.map((column): HtmlCell => {
      if (isRateColumn(column)) return { text: formatRate(row.deliveryRate), number: true, name: false };
      const value = column.value(row);
      return typeof value === 'number'
        ? { text: formatInteger(value), number: true, name: false }
        : { text: value ?? '', number: false, name: column.name === true };
    });
  // The totals row has the counts only: its row-naming columns fall back to their own text ('Tổng cộng', '').
  // ('Tổng cộng' stays on one line too.)
  const totalsRow = cells(totals as ReportCounts & Partial<Row>).map((cell) => ({ ...cell, name: !cell.number }));
  return { headings: columns.map((column) => column.heading), rows: rows.map(cells), totals: totalsRow };
}
