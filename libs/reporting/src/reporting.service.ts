import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertActsOn, AuditLogRepository, type AuthUser, isInScope } from '@loa/auth';
import { type Campaign, CampaignPlansService, CampaignsService, PLANNER_CLOCK, type Programme, ProgrammesService } from '@loa/campaigns';
import { type Clock, formatVietnamInstant, invalid, systemClock } from '@loa/common';
import {
  type CampaignReport,
  type CampaignTexts,
  type CarrierReportComparison,
  type CarrierReports,
  type DeadlineEntry,
  type DeadlineFinish,
  type ProgrammeCampaign,
  type ProgrammeReport,
  type ProgrammeSummary,
  type ReportFigures,
  type ReportRow,
  type ReportTimes,
  overallTimes,
} from './campaign-report';
import { PROGRAMME_STATE_NAMES, stateName } from './exports/vietnamese-format';
import { rate, summariseErrors, sumCounts, toReportRow, toTimeline } from './report-figures';
import { type CarrierReportRow, type DeadlineRow, type NewCarrierReport, ReportingRepository, type SentTextRow, type StatsRow } from './reporting.repository';

const DAY_MS = 86_400_000;

@Injectable()
export class ReportingService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly programmes: ProgrammesService,
    private readonly reporting: ReportingRepository,
    private readonly plans: CampaignPlansService,
    private readonly audit: AuditLogRepository,
    private readonly db: DataSource,
    /** The deadlines list reads the time as the plans do (tests set their own). */
    @Optional() @Inject(PLANNER_CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /**
   * A campaign's report as of now or `asOf` (rounded down to the counters' time bucket); a user with a province
   * scope sees only their provinces' rows. Past the deadline, the figures as at the deadline come beside.
   */
  async campaignReport(campaignId: number, user: AuthUser, options: { asOf?: Date } = {}): Promise<CampaignReport> {
    const now = new Date();
    if (options.asOf && options.asOf > now) throw invalid(`asOf: ${formatVietnamInstant(options.asOf)} is in the future`);
    const campaign = await this.campaigns.get(campaignId, user);
    const deadline = campaign.reportDeadline;
    // Every read is independent: run together, they cost the slowest one, not the sum.
    const [programme, stats, current, atDeadline, errors, buckets, carrierReports] = await Promise.all([
      campaign.programmeId === null ? null : this.programmes.get(campaign.programmeId, user).catch(() => null),
      this.reporting.stats([campaign.id]),
      options.asOf ? this.figuresAsOf(campaign.id, options.asOf, user) : null,
      deadline && deadline <= (options.asOf ?? now) ? this.figuresAsOf(campaign.id, deadline, user).then(({ figures }) => figures) : null,
      this.reporting.errors(campaign.id),
      this.reporting.timelineByBucket(campaign.id, scopeOf(user)),
      this.reporting.carrierReports([campaign.id]),
    ]);
    const visible = stats.filter((row) => isInScope(user, row.province_code));
    const figures = current?.figures ?? figuresOf(now, visible.map(toReportRow));
    return {
      campaignId: campaign.id,
      campaignName: campaign.name,
      state: campaign.state,
      stateLabel: stateName(campaign.state),
      startAt: campaign.startAt,
      reportDeadline: deadline,
      programme: programme && summaryOf(programme),
      generatedAt: now,
      asOf: options.asOf ?? null,
      countedUntil: figures.countedUntil,
      totals: figures.totals,
      rows: figures.rows,
      times: current?.times ?? timesOf(visible),
      errors: summariseErrors(errors.filter((row) => isInScope(user, row.province_code))),
      timeline: toTimeline(buckets.filter((point) => !current || point.at < figures.countedUntil)),
      atDeadline,
      carrierReports: carriersOf(campaign, user, carrierReports, stats),
    };
  }

  /** Records what a carrier reported back for a campaign the user may act on (every province in scope), audited. */
  async recordCarrierReport(campaignId: number, report: NewCarrierReport, user: AuthUser): Promise<number> {
    const campaign = await this.campaigns.get(campaignId, user);
    assertActsOn(user, campaign.provinces, `campaign ${campaignId}`);
    if (!campaign.carriers.includes(report.carrier as Campaign['carriers'][number])) {
      throw invalid(`carrier: ${report.carrier} is not a carrier of campaign ${campaignId} (${campaign.carriers.join(', ')})`);
    }
    if (report.sent > report.targeted || report.delivered > report.sent) throw invalid('figures: delivered ≤ sent ≤ targeted');
    const recorded = { ...report, reference: report.reference?.normalize('NFC') ?? null };
    return this.db.transaction(async (manager) => {
      const id = await this.reporting.insertCarrierReport(campaign.id, recorded, user.id, manager);
      await this.audit.append(
        user,
        { action: 'campaign.carrier-report', objectType: 'campaign', objectId: campaign.id, provinces: campaign.provinces, details: { id, ...recorded } },
        manager,
      );
      return id;
    });
  }

  /**
   * A programme's report: each campaign's figures, times and carriers' own figures (in the user's provinces, as
   * its campaign report gives them), their total and the distinct subscribers reached.
   */
  async programmeReport(programmeId: number, user: AuthUser): Promise<ProgrammeReport> {
    const programme = await this.programmes.get(programmeId, user);
    const campaigns = await this.campaigns.ofProgramme(programme.id, user);
    const ids = campaigns.map((campaign) => campaign.id);
    const [stats, carrierReports, reached, texts] = await Promise.all([
      this.reporting.stats(ids),
      this.reporting.carrierReports(ids),
      ids.length ? this.reporting.distinctDelivered(ids, scopeOf(user)) : 0,
      this.reporting.sentTexts(ids, scopeOf(user)),
    ]);
    const perCampaign = campaigns.map((campaign): ProgrammeCampaign => {
      const own = stats.filter((row) => Number(row.campaign_id) === campaign.id);
      const visible = own.filter((row) => isInScope(user, row.province_code));
      const rows = visible.map(toReportRow);
      const reports = carrierReports.filter((row) => Number(row.campaign_id) === campaign.id);
      return {
        campaignId: campaign.id,
        campaignName: campaign.name,
        state: campaign.state,
        stateLabel: stateName(campaign.state),
        startAt: campaign.startAt,
        totals: sumCounts(rows),
        rows,
        times: timesOf(visible),
        carrierReports: carriersOf(campaign, user, reports, own),
        sent: sentTextsOf(
          campaign,
          texts.filter((row) => Number(row.campaign_id) === campaign.id),
        ),
      };
    });
    return {
      programme: { ...summaryOf(programme), provinces: programme.provinces },
      generatedAt: new Date(),
      campaigns: perCampaign,
      totals: sumCounts(perCampaign.map((campaign) => campaign.totals)),
      distinctSubscribersReached: reached,
      rows: mergeRows(perCampaign.flatMap((campaign) => campaign.rows)),
    };
  }

  /**
   * Campaigns and programmes whose report is due within `days`, soonest first, in the user's provinces, each
   * with whether it finishes in time: as it did (completed by then), or as the deadline plan estimates. A paused
   * campaign sends nothing, so it claims no finish (null); only what a resume now would give, labelled so.
   */
  async deadlines(days: number, user: AuthUser): Promise<DeadlineEntry[]> {
    const from = new Date(this.clock.now());
    const to = new Date(from.getTime() + days * DAY_MS);
    const [campaigns, programmes] = await Promise.all([
      this.reporting.campaignDeadlines(from, to, scopeOf(user)),
      this.reporting.programmeDeadlines(from, to, scopeOf(user)),
    ]);
    const entries = await Promise.all([
      ...campaigns.map(async (row) => {
        const campaign = await this.campaigns.get(Number(row.id), user);
        return toDeadline('campaign', row, deadlineFinish([await this.finishAgainst(campaign, row.report_deadline)]));
      }),
      ...programmes.map(async (row) => {
        const members = await this.campaigns.ofProgramme(Number(row.id), user);
        return toDeadline('programme', row, deadlineFinish(await Promise.all(members.map((campaign) => this.finishAgainst(campaign, row.report_deadline)))));
      }),
    ]);
    return entries.sort((a, b) => a.reportDeadline.getTime() - b.reportDeadline.getTime() || a.id - b.id);
  }

  /** When the campaign's sending ends (ended, or as its deadline plan estimates) and whether that is by `deadline`. */
  private async finishAgainst(campaign: Campaign, deadline: Date): Promise<CampaignFinish> {
    const paused = campaign.state === 'paused';
    if (campaign.state === 'completed')
      return { paused, finishAt: campaign.completedAt, inTime: campaign.completedAt !== null && campaign.completedAt <= deadline };
    if (campaign.state === 'cancelled') return { paused, finishAt: null, inTime: false };
    const { estimatedFinishAt } = await this.plans.planSaved(campaign);
    return { paused, finishAt: estimatedFinishAt, inTime: estimatedFinishAt === null ? null : estimatedFinishAt <= deadline };
  }

  /** The figures and the first and last send and receipt as they stood at `moment`, rounded down to the counters' bucket. */
  private async figuresAsOf(campaignId: number, moment: Date, user: AuthUser): Promise<{ figures: ReportFigures; times: ReportTimes }> {
    const countedUntil = bucketStart(moment, await this.reporting.bucketSeconds());
    const visible = (await this.reporting.statsAsOf(campaignId, countedUntil)).filter((row) => isInScope(user, row.province_code));
    return { figures: figuresOf(countedUntil, visible.map(toReportRow)), times: timesOf(visible) };
  }
}

function figuresOf(countedUntil: Date, rows: ReportRow[]): ReportFigures {
  return { countedUntil, totals: sumCounts(rows), rows };
}

/** `moment` rounded down to a bucket boundary (buckets are aligned on the epoch): what the buckets count up to. */
function bucketStart(moment: Date, bucketSeconds: number): Date {
  const width = bucketSeconds * 1000;
  return new Date(Math.floor(moment.getTime() / width) * width);
}

/** A carrier reports the whole campaign: only a user who sees every province of it gets the comparison. */
function carriersOf(campaign: Campaign, user: AuthUser, reports: CarrierReportRow[], stats: StatsRow[]): CarrierReports {
  return campaign.provinces.every((code) => isInScope(user, code)) ? compareCarriers(campaign, reports, stats) : null;
}

/** What each carrier reported (its latest record) beside Loa's own figures for it, and who has not reported. */
function compareCarriers(campaign: Campaign, reports: CarrierReportRow[], stats: StatsRow[]): NonNullable<CarrierReports> {
  const loa = (carrier: string) => sumCounts(stats.filter((row) => row.carrier === carrier).map(toReportRow));
  const reported: CarrierReportComparison[] = reports.map((report) => {
    const own = loa(report.carrier);
    return {
      carrier: report.carrier,
      reported: {
        targeted: report.targeted,
        sent: report.sent,
        delivered: report.delivered,
        reportedOn: report.reported_on,
        reference: report.reference,
        recordedAt: report.recorded_at,
      },
      loa: { targeted: own.targeted, submitted: own.submitted, delivered: own.delivered },
      difference: { targeted: report.targeted - own.targeted, sent: report.sent - own.submitted, delivered: report.delivered - own.delivered },
    };
  });
  return { reported, notReported: campaign.carriers.filter((carrier) => !reports.some((report) => report.carrier === carrier)) };
}

function scopeOf(user: AuthUser): string[] | null {
  return user.provinceScope;
}

function summaryOf(programme: Programme): ProgrammeSummary {
  const { id, name, planReference, reportNumber, place, signerName, signerTitle, recipients } = programme;
  const { governingBody, issuingUnit, legalBasis, contactOfficer, contactPhone, reportDeadline } = programme;
  return {
    id,
    name,
    planReference,
    reportNumber,
    place,
    signerName,
    signerTitle,
    recipients,
    governingBody,
    issuingUnit,
    legalBasis,
    contactOfficer,
    contactPhone,
    reportDeadline,
  };
}

/**
 * A campaign's texts, each distinct one once with the provinces it went to. Every carrier of the campaign got
 * the same text for a province (they differ only in how it is cut into parts), so each text names them all.
 */
function sentTextsOf(campaign: Campaign, rows: SentTextRow[]): CampaignTexts | null {
  if (rows.length === 0) return null;
  const byText = new Map<string, string[]>();
  for (const row of rows) byText.set(row.body, [...(byText.get(row.body) ?? []), row.province_name]);
  return {
    templateName: rows[0].template_name,
    templateVersion: rows[0].template_version,
    texts: [...byText].map(([text, provinceNames]) => ({ text, provinceNames, carriers: [...campaign.carriers] })),
  };
}

function timesOf(rows: { first_sent_at: Date | null; last_sent_at: Date | null; first_receipt_at: Date | null; last_receipt_at: Date | null }[]): ReportTimes {
  return overallTimes(
    rows.map((row) => ({
      firstSentAt: row.first_sent_at,
      lastSentAt: row.last_sent_at,
      firstReceiptAt: row.first_receipt_at,
      lastReceiptAt: row.last_receipt_at,
    })),
  );
}

/** Rows of several campaigns summed per (province, carrier). */
function mergeRows(rows: ReportRow[]): ReportRow[] {
  const merged = new Map<string, ReportRow[]>();
  for (const row of rows) merged.set(`${row.provinceCode}/${row.carrier}`, [...(merged.get(`${row.provinceCode}/${row.carrier}`) ?? []), row]);
  return [...merged.values()].map((group) => ({
    ...sumCounts(group),
    provinceCode: group[0].provinceCode,
    provinceName: group[0].provinceName,
    carrier: group[0].carrier,
  }));
}

/** How a campaign's sending ends against a deadline, as if it went on. */
interface CampaignFinish {
  paused: boolean;
  /** When it ended, or will by its plan; null when cancelled or the plan cannot say. */
  finishAt: Date | null;
  inTime: boolean | null;
}

/**
 * A campaign, or a programme's campaigns together: in time when each is. While one is paused nothing of it is sent,
 * so no finish is claimed (a time counted from now would run on with every read), only what a resume now would give.
 */
function deadlineFinish(campaigns: CampaignFinish[]): DeadlineFinish {
  const inTimes = campaigns.map((campaign) => campaign.inTime);
  const inTime = inTimes.length === 0 || inTimes.includes(null) ? null : inTimes.every(Boolean);
  if (!campaigns.some((campaign) => campaign.paused)) return { finishesInTime: inTime, paused: false, ifResumedNow: null };
  const finishes = campaigns.map((campaign) => campaign.finishAt);
  const last = finishes.includes(null) ? null : new Date(Math.max(...finishes.map((finish) => finish!.getTime())));
  return { finishesInTime: null, paused: true, ifResumedNow: { estimatedFinishAt: last, finishesInTime: inTime } };
}

function toDeadline(kind: DeadlineEntry['kind'], row: DeadlineRow, finish: DeadlineFinish): DeadlineEntry {
  return {
    kind,
    id: Number(row.id),
    name: row.name,
    reportDeadline: row.report_deadline,
    state: row.state,
    stateLabel: kind === 'programme' ? (PROGRAMME_STATE_NAMES[row.state] ?? row.state) : stateName(row.state),
    deliveryRate: rate(row.delivered, row.submitted),
    targeted: row.targeted,
    delivered: row.delivered,
    ...finish,
  };
}
