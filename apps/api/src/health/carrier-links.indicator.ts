import { Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { LinkStatusRepository, type StoredLinkStatus } from '@loa/delivery';
import { LINK_STATUS_FRESH_SECONDS, LINK_STATUS_RECENT_SECONDS, totalsByCarrier } from './carrier-link-totals';

/**
 * Bound sessions per carrier, summed over the dispatchers' reports; a carrier with no bound session
 * anywhere (its SMSC unreachable, or its only dispatcher dead) is shown down. Readiness does not fail on
 * it: the API must stay in service precisely then, so that operators can pause and reschedule campaigns;
 * alerts come from /metrics (loa_carrier_bound_sessions == 0).
 */
@Injectable()
export class CarrierLinksIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly linkStatuses: LinkStatusRepository,
  ) {}

  async check(key: string): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    let statuses: StoredLinkStatus[];
    try {
      statuses = await this.linkStatuses.recent(LINK_STATUS_RECENT_SECONDS, LINK_STATUS_FRESH_SECONDS);
    } catch {
      // Thrown, it would turn the 503 of an unreachable database into a 500; the database check says why.
      return indicator.down({ message: 'link status unavailable' });
    }
    const carriers = Object.fromEntries(
      totalsByCarrier(statuses).map((total) => [
        total.carrier,
        {
          status: total.boundSessions > 0 ? 'up' : 'down',
          boundSessions: total.boundSessions,
          links: total.links,
        },
      ]),
    );
    return indicator.up(carriers);
  }
}
