import { Injectable, Logger } from '@nestjs/common';
import { type CampaignWithHeld, SendLimitsRepository } from '@loa/delivery';
import { defaultDailyCap } from './campaign-defaults';
import { capDayFor } from './daily-cap';
import { LIFTED_WINDOW, toSendWindow } from './send-window';

/**
 * Keeps running campaigns within the daily cap per subscriber and their validity: what an earlier day left
 * queued goes back under today's cap, held messages go out on a day the cap allows, and what was not sent
 * when the validity ended is ended (expired_unsent, or capped). Called by the scheduler with its clock.
 */
@Injectable()
export class SendLimitsService {
  private readonly logger = new Logger(SendLimitsService.name);
  /** The Viet Nam day whose leftovers from earlier days this process has put back under the cap. */
  private leftoversLookedFor: string | null = null;

  constructor(private readonly limits: SendLimitsRepository) {}

  async apply(now: number): Promise<void> {
    const at = new Date(now);
    const ended = await this.limits.endUnsentPastValidity(at);
    if (ended.expiredUnsent + ended.capped > 0) {
      this.logger.warn(`campaign validity ended: ${ended.expiredUnsent} messages not sent (expired_unsent), ${ended.capped} held by the daily cap (capped)`);
    }
    const today = capDayFor(LIFTED_WINDOW, now, defaultDailyCap());
    // Leftovers appear when the day changes: looked for once a day, not every second (finding none means
    // walking every queued message of every running campaign).
    if (this.leftoversLookedFor !== today.day) {
      await this.limits.holdLeftFromEarlierDays(today, at);
      this.leftoversLookedFor = today.day;
    }
    for (const campaign of await this.limits.campaignsWithHeldDue(at)) await this.release(campaign, now);
  }

  private async release(campaign: CampaignWithHeld, now: number): Promise<void> {
    const cap = capDayFor(toSendWindow(campaign.windowStart, campaign.windowEnd), now, defaultDailyCap());
    const released = await this.limits.releaseHeld(campaign.id, cap, campaign.capLifted, new Date(now));
    if (released > 0) this.logger.log(`campaign ${campaign.id}: ${released} messages held by the daily cap go out on ${cap.day}`);
  }
}
