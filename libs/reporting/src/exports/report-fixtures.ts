import { type CampaignReport, type ReportCounts, type ReportRow } from '../campaign-report';

/** Counts of a row: 1,000 targeted, 903 of 1,000 sent delivered (a rate with a decimal: 90,3%). */
export function counts(scale = 1): ReportCounts {
  return {
    targeted: 1000 * scale,
    submitted: 1000 * scale,
    delivered: 903 * scale,
    failed: 97 * scale,
    cancelled: 0,
    pending: 0,
    undeliverable: 90 * scale,
    expired: 7 * scale,
    rejected: 0,
    unknown: 0,
    capped: 0,
    expiredUnsent: 0,
    duplicated: 0,
    partsBilled: 2000 * scale,
    deliveryRate: 0.903,
  };
}

export function row(provinceCode: string, provinceName: string, carrier: string): ReportRow {
  return { ...counts(), provinceCode, provinceName, carrier };
}

const AT = new Date('2026-02-10T01:00:00Z');

/** A finished campaign in Hà Nội (code 01) and Sơn La (14), for the exports' unit tests. */
export function campaignReportFixture(rows: ReportRow[] = [row('01', 'Thành phố Hà Nội', 'viettel'), row('14', 'Tỉnh Sơn La', 'vnpt')]): CampaignReport {
  return {
    campaignId: 1,
    campaignName: 'Cảnh báo lừa đảo trước Tết',
    state: 'completed',
    stateLabel: 'Hoàn thành',
    startAt: AT,
    reportDeadline: new Date(AT.getTime() + 86_400_000),
    programme: null,
    generatedAt: new Date(AT.getTime() + 7_200_000),
    asOf: null,
    countedUntil: new Date(AT.getTime() + 7_200_000),
    totals: counts(rows.length),
    rows,
    times: { firstSentAt: AT, lastSentAt: AT, firstReceiptAt: AT, lastReceiptAt: new Date(AT.getTime() + 3_600_000) },
    errors: [{ source: 'receipt', state: 'undeliverable', reason: 'stat:UNDELIV err:001', messages: 90 * rows.length }],
    timeline: { step: 'minute', points: [{ at: AT, submitted: 2000, delivered: 1806 }] },
    atDeadline: null,
    carrierReports: null,
  };
}
