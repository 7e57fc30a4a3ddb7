import Handlebars from 'handlebars';
import { type CampaignReport, type ReportFigures } from '../campaign-report';
import { CAMPAIGN_REPORT_TEMPLATE } from './campaign-report.hbs';
import { figuresHeadings, figuresTable, RATE_COLUMN } from './report-table';
import { timelineSvg } from './timeline-chart';
import { CARRIER_NAMES, dateline, ERROR_SOURCE_NAMES, formatDateTime, formatInteger, formatRate, placeName, STATE_NAMES } from './vietnamese-format';

/** A private Handlebars environment: the templates library's helpers and strict mode are for SMS texts, not this. */
const handlebars = Handlebars.create();
const renderCampaignReport = handlebars.compile(CAMPAIGN_REPORT_TEMPLATE, { strict: true });

/** The printable report (A4, from a browser) in the layout of a Vietnamese administrative document. */
export function campaignHtml(report: CampaignReport, options: { provinceName: string | null }): string {
  const programme = report.programme;
  return renderCampaignReport({
    governingBody: programme?.governingBody ?? '',
    issuingUnit: programme?.issuingUnit ?? '',
    documentNumber: programme?.documentNumber ?? '',
    dateline: dateline(options.provinceName ? placeName(options.provinceName) : '……', report.generatedAt),
    subject: report.campaignName,
    programmeName: programme?.name ?? '',
    legalBasis: programme?.legalBasis ?? '',
    period: `từ ${formatDateTime(report.times.firstSentAt ?? report.startAt)} đến ${formatDateTime(report.times.lastReceiptAt ?? report.countedUntil)}`,
    countedUntil: formatDateTime(report.countedUntil),
    state: STATE_NAMES[report.state] ?? report.state,
    targeted: formatInteger(report.totals.targeted),
    delivered: formatInteger(report.totals.delivered),
    deliveryRate: formatRate(report.totals.deliveryRate),
    figures: htmlTable(report),
    chart: timelineSvg(report.timeline),
    timelineStep: report.timeline.step === 'minute' ? 'phút' : 'giờ',
    hasErrors: report.errors.length > 0,
    errors: report.errors.slice(0, 12).map((error) => ({
      source: ERROR_SOURCE_NAMES[error.source],
      state: STATE_NAMES[error.state] ?? error.state,
      reason: error.reason,
      messages: formatInteger(error.messages),
    })),
    atDeadline: report.atDeadline && {
      until: formatDateTime(report.atDeadline.countedUntil),
      delivered: formatInteger(report.atDeadline.totals.delivered),
      deliveryRate: formatRate(report.atDeadline.totals.deliveryRate),
      figures: htmlTable(report.atDeadline),
    },
    carrierReports: report.carrierReports && {
      reported: report.carrierReports.reported.map((entry) => ({
        carrier: CARRIER_NAMES[entry.carrier] ?? entry.carrier,
        reportedOn: entry.reported.reportedOn.split('-').reverse().join('/'),
        reference: entry.reported.reference ?? '',
        sent: formatInteger(entry.reported.sent),
        delivered: formatInteger(entry.reported.delivered),
        loaDelivered: formatInteger(entry.loa.delivered),
        difference: formatInteger(entry.difference.delivered),
      })),
      notReported: report.carrierReports.notReported.map((carrier) => CARRIER_NAMES[carrier] ?? carrier).join(', '),
    },
    contactOfficer: programme?.contactOfficer ?? '',
    contactPhone: programme?.contactPhone ?? '',
  });
}

interface HtmlCell {
  text: string;
  number: boolean;
}

/** The figures table with Vietnamese number formats (`12.345`, `98,2%`); the totals row last. */
function htmlTable(figures: Pick<ReportFigures, 'rows' | 'totals'>): { headings: string[]; rows: HtmlCell[][]; totals: HtmlCell[] } {
  const rates = [...figures.rows.map((row) => row.deliveryRate), figures.totals.deliveryRate];
  const formatted = figuresTable(figures.rows, figures.totals).map((cells, rowIndex) =>
    cells.map((cell, column): HtmlCell => {
      if (column === RATE_COLUMN) return { text: formatRate(rates[rowIndex]), number: true };
      return typeof cell === 'number' ? { text: formatInteger(cell), number: true } : { text: cell ?? '', number: false };
    }),
  );
  return { headings: figuresHeadings(), rows: formatted.slice(0, -1), totals: formatted[formatted.length - 1] };
}
