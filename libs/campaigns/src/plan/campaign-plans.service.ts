import { Inject, Injectable, Optional } from '@nestjs/common';
import { type AuthUser, coversAll, isInScope } from '@loa/auth';
import { type Carrier, type Clock, systemClock } from '@loa/common';
import { configFile, loadCarriersFile } from '@loa/config';
import { sustainedTps } from '@loa/smpp';
import { type AudienceCount, AudienceRepository } from '@loa/subscribers';
import { type Campaign } from '../campaign';
import { defaultSendWindow } from '../campaign-defaults';
import { CampaignsRepository } from '../campaigns.repository';
import { CARRIER_TPS } from '../sending-carriers.module';
import { openIntervals, type SendWindow } from '../send-window';
import { CampaignPlanRepository } from './campaign-plan.repository';
import { type DeadlinePlan } from './deadline-plan';
import { type CarrierRate, type CarrierWork, type PlannedCampaign, planCampaign, type ProvinceWork } from './deadline-planner';

/** Where plans read the time: the system clock, or a test's ManualClock provided under this token. */
export const PLANNER_CLOCK = Symbol('PLANNER_CLOCK');

/** A campaign not saved yet, as the drafter filled it in, with the parts per message of each province's text. */
export interface DraftToPlan {
  name: string;
  provinces: string[];
  carriers: Carrier[];
  startAt: Date;
  reportDeadline?: Date;
  priority?: number;
  sendWindow?: SendWindow;
  segments: Map<string, number>;
}

// The rate a running campaign gets is measured over about the last minute of counter samples.
const RATE_SAMPLE_SECONDS = 60;
const MIN_RATE_SAMPLE_SECONDS = 5;

/**
 * Deadline plans: when a campaign's last message goes, carrier by carrier, given the TPS of each account,
 * the campaigns the dispatcher serves first, and the campaign's send window. Reads aggregates only.
 */
@Injectable()
export class CampaignPlansService {
  private readonly contractTps: Readonly<Record<string, number>>;

  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly plans: CampaignPlanRepository,
    private readonly audience: AudienceRepository,
    @Optional() @Inject(CARRIER_TPS) carrierTps?: Readonly<Record<string, number>>,
    @Optional() @Inject(PLANNER_CLOCK) private readonly clock: Clock = systemClock,
  ) {
    this.contractTps = carrierTps ?? defaultCarrierTps();
  }

  /**
   * The plan of a saved campaign: what it still has to send (all of it before it starts), from now on.
   * `reader` null: the whole of everything (approval, deadlines); a user: counts over their provinces and
   * only the campaigns ahead they may read by name (see DeadlinePlan).
   */
  async planSaved(campaign: Campaign, reader: AuthUser | null = null): Promise<DeadlinePlan> {
    const now = this.clock.now();
    const audience = this.audienceOnce();
    const byProvince = campaign.materialisedAt
      ? await this.plans.remainingWorkByProvince(campaign.id)
      : audienceWork(await audience(), campaign.carriers, await this.plans.segmentsByProvince(campaign.id));
    const work = byCarrier(byProvince, campaign.carriers);
    const rates = campaign.state === 'running' ? await this.measuredRates(campaign, work, now) : this.contractRates();
    return planCampaign({
      now,
      campaign: {
        ...planned(campaign, work, true),
        reportDeadline: campaign.reportDeadline?.getTime() ?? null,
        counted: byProvince.filter((row) => reader === null || isInScope(reader, row.province)),
      },
      ahead: await this.campaignsAhead(campaign.carriers, campaign.priority, campaign.id, audience, reader),
      rates,
    });
  }

  /** The plan of a campaign not saved yet, as if it were approved now (its provinces all in the reader's scope). */
  async planDraft(draft: DraftToPlan, reader: AuthUser): Promise<DeadlinePlan> {
    const priority = draft.priority ?? 0;
    const window = draft.sendWindow ?? defaultSendWindow();
    const audience = this.audienceOnce();
    const segments = new Map([...draft.segments].filter(([code]) => draft.provinces.includes(code)));
    const byProvince = audienceWork(await audience(), draft.carriers, segments);
    return planCampaign({
      now: this.clock.now(),
      campaign: {
        id: null,
        name: draft.name,
        priority,
        state: 'draft',
        startAt: draft.startAt.getTime(),
        window: (from, until) => openIntervals(window, from, until),
        work: byCarrier(byProvince, draft.carriers),
        readable: true,
        reportDeadline: draft.reportDeadline?.getTime() ?? null,
        counted: byProvince,
      },
      ahead: await this.campaignsAhead(draft.carriers, priority, null, audience, reader),
      rates: this.contractRates(),
    });
  }

  private async campaignsAhead(
    carriers: Carrier[],
    priority: number,
    id: number | null,
    audience: () => Promise<AudienceCount>,
    reader: AuthUser | null,
  ): Promise<PlannedCampaign[]> {
    const ahead = await this.campaigns.servedBefore(carriers, priority, id);
    const remaining = await this.plans.remainingWork(ahead.filter((c) => c.materialisedAt).map((c) => c.id));
    const workOf = async (campaign: Campaign) =>
      remaining.get(campaign.id) ??
      byCarrier(audienceWork(await audience(), campaign.carriers, await this.plans.segmentsByProvince(campaign.id)), campaign.carriers);
    return Promise.all(ahead.map(async (campaign) => planned(campaign, await workOf(campaign), reader === null || coversAll(reader, campaign.provinces))));
  }

  /**
   * The whole audience (every province and carrier, active and not excluded), counted at most once per
   * plan however many campaigns need it: the count joins every exclusion, the costly part of a plan.
   */
  private audienceOnce(): () => Promise<AudienceCount> {
    let count: Promise<AudienceCount> | undefined;
    return () => (count ??= this.audience.count({}));
  }

  /** Each carrier at its contract TPS, as the links send it (they keep a guard each second: 500 TPS send ~485/s). */
  private contractRates(): Partial<Record<Carrier, CarrierRate>> {
    return Object.fromEntries(
      Object.entries(this.contractTps).map(([carrier, tps]) => [carrier, { tps, partsPerSecond: sustainedTps(tps), source: 'contract' as const }]),
    );
  }

  /**
   * A running campaign's own rate on each carrier, where it has one: measured over at least 5 s, all inside
   * its window (a closing window would read as a slow carrier), and not nil (nil: it waits behind others,
   * which the contract plan models). In PDUs per second, at the parts per message it still has to send.
   */
  private async measuredRates(campaign: Campaign, work: CarrierWork[], now: number): Promise<Partial<Record<Carrier, CarrierRate>>> {
    const rates = this.contractRates();
    for (const measured of await this.plans.measuredRates(campaign.id, RATE_SAMPLE_SECONDS, now)) {
      const left = work.find((w) => w.carrier === measured.carrier);
      const since = now - measured.overSeconds * 1000;
      const open = openIntervals(campaign.sendWindow, since, now);
      const openThroughout = open.length === 1 && open[0].start === since && open[0].end === now;
      if (!left || left.messages === 0 || measured.perSecond <= 0 || measured.overSeconds < MIN_RATE_SAMPLE_SECONDS || !openThroughout) continue;
      const partsPerSecond = (measured.perSecond * left.parts) / left.messages;
      rates[measured.carrier] = { tps: partsPerSecond, partsPerSecond, source: 'measured' };
    }
    return rates;
  }
}

/** The audience of a campaign's provinces (the keys of `segments`: its texts) and carriers, times each province's parts per message. */
function audienceWork(audience: AudienceCount, carriers: Carrier[], segments: Map<string, number>): ProvinceWork[] {
  return audience.provinces
    .filter((province) => segments.has(province.code))
    .flatMap((province) =>
      carriers.map((carrier) => ({
        province: province.code,
        carrier,
        messages: province.carriers[carrier],
        parts: province.carriers[carrier] * segments.get(province.code)!,
      })),
    );
}

/** The work of every province summed per carrier, one entry for each of `carriers`. */
function byCarrier(rows: ProvinceWork[], carriers: Carrier[]): CarrierWork[] {
  return carriers.map((carrier) => {
    const ofCarrier = rows.filter((row) => row.carrier === carrier);
    return { carrier, messages: ofCarrier.reduce((sum, row) => sum + row.messages, 0), parts: ofCarrier.reduce((sum, row) => sum + row.parts, 0) };
  });
}

function planned(campaign: Campaign, work: CarrierWork[], readable: boolean): PlannedCampaign {
  return {
    id: campaign.id,
    name: campaign.name,
    priority: campaign.priority,
    state: campaign.state,
    startAt: campaign.startAt.getTime(),
    window: (from, until) => openIntervals(campaign.sendWindow, from, until),
    work,
    readable,
  };
}

/** Without a carriers file (tests): the TPS of the default one, config/carriers.json, summed per carrier. */
function defaultCarrierTps(): Record<string, number> {
  return carrierTps(loadCarriersFile(configFile('carriers.json')));
}

/** Each carrier's TPS, summed over its accounts. */
export function carrierTps(accounts: readonly { id: string; tps: number }[]): Record<string, number> {
  const tps: Record<string, number> = {};
  for (const account of accounts) tps[account.id] = (tps[account.id] ?? 0) + account.tps;
  return tps;
}
