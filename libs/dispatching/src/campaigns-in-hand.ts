import { isInsideWindow, toSendWindow } from '@loa/campaigns';
import { type Clock } from '@loa/common';
import { type CampaignState, type RunningCampaign } from '@loa/delivery';
import { type FailureLog } from './failure-log';

/** How often the campaigns in hand are read again from the database when no notification came (a lost listening connection): every 4th watch. */
const READ_EVERY_WATCHES = 4;

/**
 * Why the messages in hand of a campaign must not go to the carrier now, and what those not handed over become:
 * back to the queue (paused, window closed, validity ended: the scheduler ends them there) or cancelled.
 */
export interface Halt {
  reason: string;
  state: 'queued' | 'cancelled';
}

/**
 * The campaigns of the messages one dispatcher holds, and which of them must send nothing more now: read from
 * the database when told (a loa_dispatch notification) and every 4th watch, checked against the clock every
 * watch (config/defaults.json dispatcher.campaignWatchMs). `halted` is told once per campaign that stops (or changes why).
 */
export class CampaignsInHand {
  private readonly held = new Map<number, { campaign: RunningCampaign; messages: number }>();
  private readonly halts = new Map<number, Halt>();
  private timer?: NodeJS.Timeout;
  private watches = 0;
  private reading: Promise<void> | null = null;
  private readAgain = false;

  constructor(
    private readonly readStates: (ids: number[]) => Promise<{ campaign: RunningCampaign; state: CampaignState }[]>,
    /** What time it is, and how often (ms) the campaigns in hand are checked against it (window, validity), without the database. */
    private readonly watching: { clock: Clock; watchMs: number },
    private readonly failures: FailureLog,
    private readonly halted: (campaignId: number, halt: Halt, messagesInHand: number) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.watch(), this.watching.watchMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  get isEmpty(): boolean {
    return this.held.size === 0;
  }

  /** Why nothing of the campaign may go now, if so. */
  haltOf(campaignId: number): Halt | undefined {
    return this.halts.get(campaignId);
  }

  /**
   * Why nothing more of a campaign may go to the carrier now, or null: not running (paused, cancelled), outside
   * its send window (it goes on by itself when the window opens), or past its validity.
   */
  haltFor(campaign: RunningCampaign, state: CampaignState): Halt | null {
    if (state === 'cancelled') return { reason: 'campaign cancelled', state: 'cancelled' };
    if (state !== 'running') return { reason: `campaign ${state}`, state: 'queued' };
    const now = this.watching.clock.now();
    if (campaign.window && !isInsideWindow(toSendWindow(campaign.window.start, campaign.window.end), now)) {
      return { reason: 'send window closed', state: 'queued' };
    }
    if (campaign.validUntil !== undefined && now >= campaign.validUntil) return { reason: "campaign's validity ended", state: 'queued' };
    return null;
  }

  /** Counts messages of a campaign into the hand (or out, negative); a campaign with none left is forgotten, halted or not. */
  add(campaign: RunningCampaign, messages: number): void {
    const held = this.held.get(campaign.id) ?? { campaign, messages: 0 };
    held.messages += messages;
    if (held.messages > 0) {
      this.held.set(campaign.id, held);
      return;
    }
    this.held.delete(campaign.id);
    this.halts.delete(campaign.id);
  }

  /** One message of a campaign is no longer in hand (its outcome is written). */
  release(campaignId: number): void {
    const held = this.held.get(campaignId);
    if (held) this.add(held.campaign, -1);
  }

  /** Reads the campaigns in hand from the database (one read at a time; one more after it if asked meanwhile). */
  read(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.reading = this.readUntilCurrent().finally(() => (this.reading = null));
    return this.reading;
  }

  private async readUntilCurrent(): Promise<void> {
    do {
      this.readAgain = false;
      const ids = [...this.held.keys()];
      if (ids.length === 0) return;
      try {
        for (const { campaign, state } of await this.readStates(ids)) {
          const held = this.held.get(campaign.id);
          if (!held) continue;
          held.campaign = campaign;
          this.setHalt(campaign.id, this.haltFor(campaign, state));
        }
        this.failures.succeeded('reading campaigns in hand');
      } catch (error) {
        this.failures.failed('reading campaigns in hand', error as Error);
      }
    } while (this.readAgain);
  }

  /** Checks the campaigns in hand against the clock now, and against the database every READ_EVERY_WATCHES-th time. */
  private watch(): void {
    if (this.held.size === 0) return;
    for (const { campaign } of this.held.values()) if (!this.halts.has(campaign.id)) this.setHalt(campaign.id, this.haltFor(campaign, 'running'));
    if (++this.watches % READ_EVERY_WATCHES === 0) void this.read();
  }

  private setHalt(campaignId: number, halt: Halt | null): void {
    const before = this.halts.get(campaignId);
    if (!halt) {
      this.halts.delete(campaignId);
      return;
    }
    this.halts.set(campaignId, halt);
    if (before?.state !== halt.state) this.halted(campaignId, halt, this.held.get(campaignId)?.messages ?? 0);
  }
}
