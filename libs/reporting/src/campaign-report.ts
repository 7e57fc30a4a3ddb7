export interface ReportCounts {
  targeted: number;
  submitted: number;
  delivered: number;
  /** undeliverable + expired + rejected + failed + unknown + capped + expiredUnsent */
  failed: number;
  /** Not final yet: targeted minus every final state. */
  pending: number;
  undeliverable: number;
  expired: number;
  rejected: number;
  unknown: number;
  /** Held back by the daily cap per subscriber until the campaign's validity ended. */
  capped: number;
  /** Not sent before the campaign's validity ended. */
  expiredUnsent: number;
  /**
   * Messages the carrier took some part of twice (a copy after a lost answer or a crashed dispatcher,
   * confirmed by a late answer or by the carrier's receipt for it).
   */
  duplicated: number;
  /** submit_sm PDUs the carrier accepted, duplicates included: what it bills. */
  partsBilled: number;
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
