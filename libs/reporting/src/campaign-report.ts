export interface ReportCounts {
  targeted: number;
  submitted: number;
  delivered: number;
  /** undeliverable + expired + rejected + failed + unknown */
  failed: number;
  /** Not final yet: targeted minus every final state. */
  pending: number;
  undeliverable: number;
  expired: number;
  rejected: number;
  unknown: number;
  /** Messages that reached the carrier twice after a dispatcher was lost, confirmed by the carrier's receipts. */
  duplicated: number;
}

export interface ReportRow extends ReportCounts {
  provinceCode: string;
  provinceName: string;
  carrier: string;
}

export interface CampaignReport {
  campaignId: number;
  campaignName: string;
  state: string;
  reportDeadline: Date | null;
  generatedAt: Date;
  totals: ReportCounts;
  rows: ReportRow[];
}
