import { Injectable } from '@nestjs/common';
import { type AuthUser } from '@loa/auth';
import { CampaignsService } from '@loa/campaigns';
import { FINAL_STATES } from '@loa/delivery';
import { type CampaignReport, type ReportCounts, type ReportRow } from './campaign-report';
import { ReportingRepository, type StatsRow } from './reporting.repository';

@Injectable()
export class ReportingService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly reporting: ReportingRepository,
  ) {}

  /** Counts per province and carrier; a user with a province scope sees only their provinces' rows. */
  async campaignReport(campaignId: number, user: AuthUser): Promise<CampaignReport> {
    const campaign = await this.campaigns.get(campaignId, user);
    const rows = (await this.reporting.stats(campaignId))
      .filter((row) => user.provinceScope === null || user.provinceScope.includes(row.province_code))
      .map(toReportRow);
    return {
      campaignId: campaign.id,
      campaignName: campaign.name,
      state: campaign.state,
      reportDeadline: campaign.reportDeadline,
      generatedAt: new Date(),
      totals: sumCounts(rows),
      rows,
    };
  }
}

function toReportRow(row: StatsRow): ReportRow {
  const failed = FINAL_STATES.filter((state) => state !== 'delivered').reduce((sum, state) => sum + row[state], 0);
  return {
    provinceCode: row.province_code,
    provinceName: row.province_name,
    carrier: row.carrier,
    targeted: row.targeted,
    submitted: row.submitted,
    delivered: row.delivered,
    failed,
    pending: row.targeted - row.delivered - failed,
    undeliverable: row.undeliverable,
    expired: row.expired,
    rejected: row.rejected,
    unknown: row.unknown,
    capped: row.capped,
    expiredUnsent: row.expired_unsent,
    duplicated: row.duplicated,
    partsBilled: Number(row.parts_billed),
  };
}

function sumCounts(rows: ReportCounts[]): ReportCounts {
  const totals: ReportCounts = {
    targeted: 0,
    submitted: 0,
    delivered: 0,
    failed: 0,
    pending: 0,
    undeliverable: 0,
    expired: 0,
    rejected: 0,
    unknown: 0,
    capped: 0,
    expiredUnsent: 0,
    duplicated: 0,
    partsBilled: 0,
  };
  for (const row of rows) {
    for (const key of Object.keys(totals) as (keyof ReportCounts)[]) totals[key] += row[key];
  }
  return totals;
}
