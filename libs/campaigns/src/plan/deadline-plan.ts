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

export interface CarrierPlan {
  carrier: Carrier;
  /** The account's TPS (PDUs per second; the links send 1000/1030 of it), or the measured rate while running. */
  tps: number;
  rateSource: 'contract' | 'measured';
  /** Messages (subscribers) still to send on this carrier, and the PDUs they take. */
  messages: number;
  parts: number;
  campaignsAhead: CampaignAhead[];
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

/** What GET /campaigns/:id shows of the plan of a scheduled, running or paused campaign. */
export interface CampaignEstimate {
  plannedAt: Date;
  messagesLeft: number;
  estimatedFinishAt: Date | null;
  meetsDeadline: boolean | null;
  unsentAtDeadline: number;
  carriers: { carrier: Carrier; messagesLeft: number; partsPerSecond: number; rateSource: CarrierPlan['rateSource']; finishesAt: Date | null }[];
}

export function estimateOf(plan: DeadlinePlan): CampaignEstimate {
  return {
    plannedAt: plan.plannedAt,
    messagesLeft: plan.messages,
    estimatedFinishAt: plan.estimatedFinishAt,
    meetsDeadline: plan.meetsDeadline,
    unsentAtDeadline: plan.unsentAtDeadline,
    carriers: plan.carriers.map((c) => ({
      carrier: c.carrier,
      messagesLeft: c.messages,
      partsPerSecond: Math.round(c.tps * c.tpsShare * 10) / 10,
      rateSource: c.rateSource,
      finishesAt: c.finishesAt,
    })),
  };
}
