import { Inject, Injectable, Optional } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { SENDING_CARRIERS } from '@loa/campaigns';
import { LinkStatusRepository, type StoredLinkStatus } from '@loa/delivery';
import { type CarrierLinkTotals, LINK_STATUS_FRESH_SECONDS, LINK_STATUS_RECENT_SECONDS, totalsByCarrier } from './carrier-link-totals';

/**
 * GET /health/carriers: up when every carrier with an account in the carriers file (or, without one, every
 * carrier a dispatcher reports) has at least one bound session over all dispatchers; down, with a 503,
 * when one has none (its SMSC unreachable, or no dispatcher running for it). A check of its own, not part
 * of /health/ready: the API must stay ready precisely then, so that operators can pause campaigns.
 */
@Injectable()
export class CarrierLinksIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly linkStatuses: LinkStatusRepository,
    @Optional() @Inject(SENDING_CARRIERS) private readonly configured: readonly string[] = [],
  ) {}

  async check(key: string): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    let statuses: StoredLinkStatus[];
    try {
      statuses = await this.linkStatuses.recent(LINK_STATUS_RECENT_SECONDS, LINK_STATUS_FRESH_SECONDS);
    } catch {
      return indicator.down({ message: 'link status unavailable (database unreachable)' });
    }
    const carriers = Object.fromEntries(this.withConfigured(totalsByCarrier(statuses)).map((total) => [total.carrier, carrierHealth(total)]));
    const down = Object.keys(carriers).filter((carrier) => carriers[carrier].status === 'down');
    return down.length === 0 ? indicator.up(carriers) : indicator.down({ ...carriers, message: `no bound session: ${down.join(', ')}` });
  }

  /** A configured carrier that no dispatcher reports is down too (no dispatcher, or none holds its binds). */
  private withConfigured(totals: CarrierLinkTotals[]): Pick<CarrierLinkTotals, 'carrier' | 'boundSessions' | 'links'>[] {
    const reported = new Set(totals.map((total) => total.carrier));
    const missing = this.configured.filter((carrier) => !reported.has(carrier)).map((carrier) => ({ carrier, boundSessions: 0, links: {} }));
    return [...totals, ...missing].sort((a, b) => a.carrier.localeCompare(b.carrier));
  }
}

function carrierHealth(total: Pick<CarrierLinkTotals, 'boundSessions' | 'links'>) {
  return { status: total.boundSessions > 0 ? 'up' : 'down', boundSessions: total.boundSessions, links: total.links };
}
