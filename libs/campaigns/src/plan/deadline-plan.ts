import { type Carrier } from '@loa/common';

/** A campaign another one waits behind on a carrier (a higher priority, or the same and approved first). */
export interface CampaignAhead {
  id: number;
  name: string;
  priority: number;
  state: string;
  /** Parts it still has to send on this carrier. */
  parts: number;
  /** When, by the plan, it is done with this carrier (null: not within the horizon). */
  finishesAt: Date | null;
}

/** Campaigns ahead that the reader may not read (some province outside their scope): how many, and their parts. */
export interface OtherCampaignsAhead {
  count: number;
  parts: number;
}

/** What a campaign still has to send in one province of the reader's. */
export interface ProvinceCount {
  code: string;
  messages: number;
  parts: number;
}

/**
 * Counts (messages, parts, unsent) are taken over the provinces of the campaign the reader's scope covers;
 * times, rates and shares are the whole campaign's, since all of it takes the carriers' time.
 */
export interface CarrierPlan {
  carrier: Carrier;
  /** The account's TPS (PDUs per second; the links send 1000/1030 of it), or the measured rate while running. */
  tps: number;
  rateSource: 'contract' | 'measured';
  /** Messages (subscribers) still to send on this carrier, and the PDUs they take. */
  messages: number;
  parts: number;
  /** The campaigns ahead whose provinces the reader's scope all covers, by name. */
  campaignsAhead: CampaignAhead[];
  /** The others ahead, without name or id: they take the carrier's time all the same. */
  otherCampaignsAhead: OtherCampaignsAhead;
  /** Share of the carrier's TPS this campaign gets, from its start to its finish, inside its window (0–1). */
  tpsShare: number;
  startsAt: Date | null;
  finishesAt: Date | null;
  /** Messages of this carrier not yet sent when the report deadline comes (0 without a deadline). */
  unsentAtDeadline: number;
}

export interface DeadlinePlan {
  campaignId: number | null;
  plannedAt: Date;
  startAt: Date;
  reportDeadline: Date | null;
  messages: number;
  parts: number;
  /** The provinces the counts are taken over (the campaign's, within the reader's scope), each with its own. */
  provinces: ProvinceCount[];
  carriers: CarrierPlan[];
  /** The campaign's send windows from its start until its estimated finish (at most 14 of them). */
  sendWindows: { start: Date; end: Date }[];
  /** When the last message goes; null when the audience is empty or it does not finish within 60 days. */
  estimatedFinishAt: Date | null;
  /** Null without a report deadline. */
  meetsDeadline: boolean | null;
  /** Subscribers not yet sent to when the report deadline comes. */
  unsentAtDeadline: number;
}

/** When a campaign would finish, and whether by its report deadline. */
export interface FinishEstimate {
  estimatedFinishAt: Date | null;
  meetsDeadline: boolean | null;
  unsentAtDeadline: number;
}

/**
 * What GET /campaigns/:id shows of the plan of a scheduled, running or paused campaign. A paused one sends
 * nothing, so it has no finish (null, and no deadline verdict): a finish planned from now would run on with
 * every read while nothing goes out. `ifResumedNow` gives the finish were it resumed at `plannedAt`.
 */
export interface CampaignEstimate extends FinishEstimate {
  plannedAt: Date;
  messagesLeft: number;
  paused: boolean;
  /** While paused: the finish if it were resumed now (null otherwise). */
  ifResumedNow: FinishEstimate | null;
  carriers: { carrier: Carrier; messagesLeft: number; partsPerSecond: number; rateSource: CarrierPlan['rateSource']; finishesAt: Date | null }[];
}

export function estimateOf(plan: DeadlinePlan, options: { paused?: boolean } = {}): CampaignEstimate {
  const paused = options.paused ?? false;
  const finish = { estimatedFinishAt: plan.estimatedFinishAt, meetsDeadline: plan.meetsDeadline, unsentAtDeadline: plan.unsentAtDeadline };
  return {
    plannedAt: plan.plannedAt,
    messagesLeft: plan.messages,
    paused,
    ...(paused ? { estimatedFinishAt: null, meetsDeadline: null, unsentAtDeadline: 0 } : finish),
    ifResumedNow: paused ? finish : null,
    carriers: plan.carriers.map((c) => ({
      carrier: c.carrier,
      messagesLeft: c.messages,
      // Paused: nothing goes out, on any carrier.
      partsPerSecond: paused ? 0 : Math.round(c.tps * c.tpsShare * 10) / 10,
      rateSource: c.rateSource,
      finishesAt: paused ? null : c.finishesAt,
    })),
  };
}
