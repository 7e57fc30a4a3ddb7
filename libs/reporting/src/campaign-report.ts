import { type Programme } from '@loa/campaigns';
export interface ReportCounts {
  targeted: number;
  submitted: number;
  delivered: number;
  /** Every final state but delivered and cancelled (undeliverable, expired, rejected, failed, unknown, capped, expiredUnsent). */
  failed: number;
  /** Never sent because the campaign was cancelled first: not a failure. */
  cancelled: number;
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
  /** delivered / submitted: over what was sent (null before anything was submitted). */
  deliveryRate: number | null;
}

export interface ReportRow extends ReportCounts {
  provinceCode: string;
  provinceName: string;
  carrier: string;
}

/** The figures of one moment: per province and carrier, and their totals. */
export interface ReportFigures {
  /** The moment the figures count up to: the asked moment, rounded down to the counters' time bucket (a minute). */
  countedUntil: Date;
  totals: ReportCounts;
  rows: ReportRow[];
}

/** Messages that ended undelivered for one reason, as the carrier or Loa gave it. */
export interface ReportError {
  /** receipt: the delivery receipt's stat/err; submit: the submit_sm_resp command_status; loa: Loa's own (no answer, no receipt, cancelled). */
  source: 'receipt' | 'submit' | 'loa';
  state: string;
  reason: string;
  messages: number;
}

export interface ReportTimes {
  firstSentAt: Date | null;
  lastSentAt: Date | null;
  firstReceiptAt: Date | null;
  lastReceiptAt: Date | null;
}

const earliest = (a: number, b: number): number => Math.min(a, b);
const latest = (a: number, b: number): number => Math.max(a, b);

/** The earliest first and latest last of several spans of sending and receipts (null where none had one). */
export function overallTimes(all: ReportTimes[]): ReportTimes {
  const pick = (key: keyof ReportTimes, choose: (a: number, b: number) => number) => {
    const known = all.map((times) => times[key]?.getTime()).filter((value): value is number => value !== undefined);
    return known.length ? new Date(known.reduce(choose)) : null;
  };
  return {
    firstSentAt: pick('firstSentAt', earliest),
    lastSentAt: pick('lastSentAt', latest),
    firstReceiptAt: pick('firstReceiptAt', earliest),
    lastReceiptAt: pick('lastReceiptAt', latest),
  };
}

export interface TimelinePoint {
  /** Start of the minute or hour. */
  at: Date;
  submitted: number;
  delivered: number;
}

export interface Timeline {
  step: 'minute' | 'hour';
  points: TimelinePoint[];
}

/** What a carrier reported back itself, beside Loa's own figures for that carrier. */
export interface CarrierReportComparison {
  carrier: string;
  reported: { targeted: number; sent: number; delivered: number; reportedOn: string; reference: string | null; recordedAt: Date };
  loa: { targeted: number; submitted: number; delivered: number };
  /** Carrier's figure minus Loa's. */
  difference: { targeted: number; sent: number; delivered: number };
}

/** What a report says of the programme a campaign belongs to: its letter's particulars. */
export type ProgrammeSummary = Pick<
  Programme,
  | 'id'
  | 'name'
  | 'planReference'
  | 'reportNumber'
  | 'place'
  | 'signerName'
  | 'signerTitle'
  | 'recipients'
  | 'governingBody'
  | 'issuingUnit'
  | 'legalBasis'
  | 'contactOfficer'
  | 'contactPhone'
  | 'reportDeadline'
>;

/** One text a campaign sent, exactly, and the provinces and carriers it went to. */
export interface SentText {
  text: string;
  provinceNames: string[];
  carriers: string[];
}

/** What a campaign sent: its template version and each distinct text rendered from it. */
export interface CampaignTexts {
  templateName: string;
  templateVersion: number;
  texts: SentText[];
}

export interface CampaignReport {
  campaignId: number;
  campaignName: string;
  /** The campaign's state code (`running`); `stateLabel` is its Vietnamese name (`Đang gửi`). */
  state: string;
  stateLabel: string;
  startAt: Date;
  reportDeadline: Date | null;
  programme: ProgrammeSummary | null;
  generatedAt: Date;
  /** The moment asked for (`asOf`), or null for the figures of now. */
  asOf: Date | null;
  countedUntil: Date;
  totals: ReportCounts;
  rows: ReportRow[];
  times: ReportTimes;
  errors: ReportError[];
  timeline: Timeline;
  /** Once the deadline has passed: the figures as at the deadline, which later receipts never change. */
  atDeadline: ReportFigures | null;
  /**
   * What each carrier reported back (the latest record per carrier) beside Loa's figures, and the carriers
   * that have not reported yet. Null for a user who sees only some of the campaign's provinces (a carrier
   * reports the whole campaign).
   */
  carrierReports: CarrierReports;
}

/** What each carrier reported back beside Loa's figures, and who has not: null for a user who sees only some of the campaign's provinces. */
export type CarrierReports = { reported: CarrierReportComparison[]; notReported: string[] } | null;

/** One campaign of a programme: its totals, its figures per province and carrier, its times and its carriers' own figures. */
export interface ProgrammeCampaign {
  campaignId: number;
  campaignName: string;
  state: string;
  stateLabel: string;
  startAt: Date;
  totals: ReportCounts;
  rows: ReportRow[];
  times: ReportTimes;
  carrierReports: CarrierReports;
  /** The texts it sent in the user's provinces, quoted by the printed report (null before any was rendered). */
  sent: CampaignTexts | null;
}

export interface ProgrammeReport {
  programme: ProgrammeSummary & { provinces: string[] };
  generatedAt: Date;
  campaigns: ProgrammeCampaign[];
  totals: ReportCounts;
  /** Distinct subscribers (numbers) who received at least one message of the programme's campaigns. */
  distinctSubscribersReached: number;
  rows: ReportRow[];
}

export interface DeadlineEntry {
  kind: 'campaign' | 'programme';
  id: number;
  name: string;
  reportDeadline: Date;
  /** A campaign's state code; for a programme `empty`, `in_progress` or `completed` (its least advanced campaign's). */
  state: string;
  /** The state in Vietnamese, as the deadlines list shows it. */
  stateLabel: string;
  deliveryRate: number | null;
  targeted: number;
  delivered: number;
  /**
   * Whether sending ends by the deadline: a completed campaign by when it completed, a cancelled one never,
   * others by their deadline plan's estimated finish (null when the plan has no estimate, or a programme has no
   * campaign); null while paused, since nothing is sent (see `ifResumedNow`).
   */
  finishesInTime: boolean | null;
  /** The campaign (a programme: one of its campaigns) is paused. */
  paused: boolean;
  /** While paused: when sending would end, and whether by the deadline, if it were resumed now (null otherwise). */
  ifResumedNow: { estimatedFinishAt: Date | null; finishesInTime: boolean | null } | null;
}

/** Where a campaign (or a programme) stands against a report deadline. */
export type DeadlineFinish = Pick<DeadlineEntry, 'finishesInTime' | 'paused' | 'ifResumedNow'>;
