import { type Carrier, invalid } from '@loa/common';
import { CarrierTimeline, PLAN_HORIZON_MS, secondsBefore, type WindowIntervals } from './carrier-timeline';
import { type CampaignAhead, type CarrierPlan, type DeadlinePlan, type ProvinceCount } from './deadline-plan';

/** What a campaign still has to send on one carrier. */
export interface CarrierWork {
  carrier: Carrier;
  messages: number;
  parts: number;
}

/** What a campaign still has to send on one carrier in one province. */
export interface ProvinceWork extends CarrierWork {
  province: string;
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
  /** Whether the reader of the plan may see it by name (their scope covers all of its provinces). */
  readable: boolean;
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
  /**
   * `work` is the whole campaign (it all takes the carriers' time); `counted` is the part of it in the
   * provinces of the plan's reader, over which every count the plan shows is taken.
   */
  campaign: PlannedCampaign & { reportDeadline: number | null; counted: ProvinceWork[] };
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
  const counted = countedByCarrier(campaign.counted, campaign.work);
  const planned = campaign.work.map((work, i) => planCarrier(input, work, counted[i], startAt));
  const carriers = planned.map(({ plan }) => plan);
  // The finish is the whole campaign's: a carrier the reader has nobody on still sends the rest.
  const finishes = carriers.filter((_, i) => campaign.work[i].messages > 0).map((plan) => plan.finishesAt);
  const estimatedFinishAt = finishes.length === 0 || finishes.includes(null) ? null : new Date(Math.max(...finishes.map((at) => at!.getTime())));
  const unsentAtDeadline = carriers.reduce((sum, plan) => sum + plan.unsentAtDeadline, 0);
  return {
    campaignId: campaign.id,
    plannedAt: new Date(now),
    startAt: new Date(campaign.startAt),
    reportDeadline: campaign.reportDeadline === null ? null : new Date(campaign.reportDeadline),
    messages: sum(counted.map((work) => work.messages)),
    parts: sum(counted.map((work) => work.parts)),
    provinces: countedByProvince(campaign.counted),
    carriers,
    sendWindows: campaign
      .window(startAt, estimatedFinishAt?.getTime() ?? startAt + PLAN_HORIZON_MS)
      .slice(0, MAX_WINDOWS_SHOWN)
      .map((range) => ({ start: new Date(range.start), end: new Date(range.end) })),
    estimatedFinishAt,
    // Whether the whole campaign is sent by then, like estimatedFinishAt (a reader's own part may be).
    meetsDeadline: campaign.reportDeadline === null ? null : planned.every(({ unsentOfWhole }) => unsentOfWhole === 0),
    unsentAtDeadline,
  };
}

/**
 * `work` is the whole campaign's on this carrier, `counted` the reader's part of it: the timing follows the
 * whole, the counts shown are the reader's. Campaigns ahead that the reader may not read are only counted.
 */
function planCarrier(input: PlanInput, work: CarrierWork, counted: CarrierWork, startAt: number): { plan: CarrierPlan; unsentOfWhole: number } {
  const rate = input.rates[work.carrier];
  if (!rate) throw invalid(`carriers: no TPS known for ${work.carrier} (it has no account in the carriers file)`);
  const timeline = new CarrierTimeline(input.now + PLAN_HORIZON_MS);
  const ahead: (CampaignAhead & { readable: boolean })[] = [];
  for (const other of input.ahead) {
    const parts = other.work.find((w) => w.carrier === work.carrier)?.parts ?? 0;
    if (parts === 0) continue;
    const placed = timeline.place(parts / rate.partsPerSecond, Math.max(other.startAt, input.now), other.window);
    ahead.push({
      id: other.id!,
      name: other.name,
      priority: other.priority,
      state: other.state,
      parts,
      finishesAt: toDate(placed.finishesAt),
      readable: other.readable,
    });
  }
  // Those done before this campaign starts do not hold it back.
  const holding = ahead.filter((other) => other.finishesAt === null || other.finishesAt.getTime() > startAt);
  const unreadable = holding.filter((other) => !other.readable);
  const sendSeconds = work.parts / rate.partsPerSecond;
  const placed = timeline.place(sendSeconds, startAt, input.campaign.window);
  const deadline = input.campaign.reportDeadline;
  // Finished by the deadline means all sent: the share of sending time before it is only for what is not
  // (summing millisecond pieces at epoch magnitude loses a few microseconds, which would round up to one message).
  const finishedInTime = placed.finishesAt !== null && deadline !== null && placed.finishesAt <= deadline;
  const sentShareByDeadline = deadline === null || sendSeconds === 0 || finishedInTime ? 1 : Math.min(1, secondsBefore(placed.pieces, deadline) / sendSeconds);
  const unsent = (messages: number) => Math.max(0, Math.ceil(messages * (1 - sentShareByDeadline) - 1e-9));
  const plan: CarrierPlan = {
    carrier: work.carrier,
    tps: rate.tps,
    rateSource: rate.source,
    messages: counted.messages,
    parts: counted.parts,
    campaignsAhead: holding.filter((other) => other.readable).map(({ readable: _, ...other }) => other),
    otherCampaignsAhead: { count: unreadable.length, parts: sum(unreadable.map((other) => other.parts)) },
    tpsShare: placed.windowSeconds > 0 ? round(Math.min(1, sendSeconds / placed.windowSeconds)) : work.parts > 0 ? 0 : 1,
    startsAt: placed.pieces.length > 0 ? new Date(placed.pieces[0].start) : null,
    finishesAt: work.messages > 0 ? toDate(placed.finishesAt) : null,
    unsentAtDeadline: unsent(counted.messages),
  };
  return { plan, unsentOfWhole: unsent(work.messages) };
}

/** The counted work summed per carrier, in the order of the whole campaign's carriers. */
function countedByCarrier(counted: ProvinceWork[], work: CarrierWork[]): CarrierWork[] {
  return work.map(({ carrier }) => {
    const rows = counted.filter((row) => row.carrier === carrier);
    return { carrier, messages: sum(rows.map((row) => row.messages)), parts: sum(rows.map((row) => row.parts)) };
  });
}

function countedByProvince(counted: ProvinceWork[]): ProvinceCount[] {
  const codes = [...new Set(counted.map((row) => row.province))].sort();
  return codes.map((code) => {
    const rows = counted.filter((row) => row.province === code);
    return { code, messages: sum(rows.map((row) => row.messages)), parts: sum(rows.map((row) => row.parts)) };
  });
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
