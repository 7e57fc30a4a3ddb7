import { type Carrier, invalid } from '@loa/common';
import { CarrierTimeline, PLAN_HORIZON_MS, secondsBefore, type WindowIntervals } from './carrier-timeline';
import { type CampaignAhead, type CarrierPlan, type DeadlinePlan } from './deadline-plan';

/** What a campaign still has to send on one carrier. */
export interface CarrierWork {
  carrier: Carrier;
  messages: number;
  parts: number;
}

/** A campaign as the planner sees it: when it may send, and what is left. */
export interface PlannedCampaign {
  id: number | null;
  name: string;
  priority: number;
  state: string;
  startAt: number;
  window: WindowIntervals;
  work: CarrierWork[];
}

export interface CarrierRate {
  /** What the plan shows: the contract's TPS, or the measured rate. */
  tps: number;
  /** What the plan sends at (below the contract's TPS by the link's guard). */
  partsPerSecond: number;
  source: 'contract' | 'measured';
}

export interface PlanInput {
  now: number;
  campaign: PlannedCampaign & { reportDeadline: number | null };
  /** The campaigns the dispatcher serves before this one, in the order it serves them. */
  ahead: PlannedCampaign[];
  rates: Partial<Record<Carrier, CarrierRate>>;
}

const MAX_WINDOWS_SHOWN = 14;

/**
 * The deadline plan of one campaign, from aggregates only (what is left per carrier, never a scan of the
 * messages): each carrier's TPS goes strictly to the campaigns ahead first, the rest of the time inside
 * this campaign's window is its own.
 */
export function planCampaign(input: PlanInput): DeadlinePlan {
  const { campaign, now } = input;
  const startAt = Math.max(campaign.startAt, now);
  const carriers = campaign.work.map((work) => planCarrier(input, work, startAt));
  const finishes = carriers.filter((plan) => plan.messages > 0).map((plan) => plan.finishesAt);
  const estimatedFinishAt = finishes.length === 0 || finishes.includes(null) ? null : new Date(Math.max(...finishes.map((at) => at!.getTime())));
  const unsentAtDeadline = carriers.reduce((sum, plan) => sum + plan.unsentAtDeadline, 0);
  return {
    campaignId: campaign.id,
    plannedAt: new Date(now),
    startAt: new Date(campaign.startAt),
    reportDeadline: campaign.reportDeadline === null ? null : new Date(campaign.reportDeadline),
    messages: sum(campaign.work.map((work) => work.messages)),
    parts: sum(campaign.work.map((work) => work.parts)),
    carriers,
    sendWindows: campaign
      .window(startAt, estimatedFinishAt?.getTime() ?? startAt + PLAN_HORIZON_MS)
      .slice(0, MAX_WINDOWS_SHOWN)
      .map((range) => ({ start: new Date(range.start), end: new Date(range.end) })),
    estimatedFinishAt,
    meetsDeadline: campaign.reportDeadline === null ? null : unsentAtDeadline === 0,
    unsentAtDeadline,
  };
}

function planCarrier(input: PlanInput, work: CarrierWork, startAt: number): CarrierPlan {
  const rate = input.rates[work.carrier];
  if (!rate) throw invalid(`carriers: no TPS known for ${work.carrier} (it has no account in the carriers file)`);
  const timeline = new CarrierTimeline(input.now + PLAN_HORIZON_MS);
  const campaignsAhead: CampaignAhead[] = [];
  for (const other of input.ahead) {
    const parts = other.work.find((w) => w.carrier === work.carrier)?.parts ?? 0;
    if (parts === 0) continue;
    const placed = timeline.place(parts / rate.partsPerSecond, Math.max(other.startAt, input.now), other.window);
    campaignsAhead.push({ id: other.id!, name: other.name, priority: other.priority, state: other.state, parts, finishesAt: toDate(placed.finishesAt) });
  }
  const sendSeconds = work.parts / rate.partsPerSecond;
  const placed = timeline.place(sendSeconds, startAt, input.campaign.window);
  const deadline = input.campaign.reportDeadline;
  // Finished by the deadline means all sent: the share of sending time before it is only for what is not
  // (summing millisecond pieces at epoch magnitude loses a few microseconds, which would round up to one message).
  const finishedInTime = placed.finishesAt !== null && deadline !== null && placed.finishesAt <= deadline;
  const sentShareByDeadline = deadline === null || sendSeconds === 0 || finishedInTime ? 1 : Math.min(1, secondsBefore(placed.pieces, deadline) / sendSeconds);
  return {
    carrier: work.carrier,
    tps: rate.tps,
    rateSource: rate.source,
    messages: work.messages,
    parts: work.parts,
    campaignsAhead: campaignsAhead.filter((ahead) => ahead.finishesAt === null || ahead.finishesAt.getTime() > startAt),
    tpsShare: placed.windowSeconds > 0 ? round(Math.min(1, sendSeconds / placed.windowSeconds)) : work.parts > 0 ? 0 : 1,
    startsAt: placed.pieces.length > 0 ? new Date(placed.pieces[0].start) : null,
    finishesAt: work.messages > 0 ? toDate(placed.finishesAt) : null,
    unsentAtDeadline: Math.max(0, Math.ceil(work.messages * (1 - sentShareByDeadline) - 1e-9)),
  };
}

function toDate(at: number | null): Date | null {
  return at === null ? null : new Date(at);
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function round(share: number): number {
  return Math.round(share * 1000) / 1000;
}
