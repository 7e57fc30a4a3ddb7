import { AnyRole } from '@loa/auth';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LinkStatusRepository } from '@loa/delivery';
import { LINK_STATUS_FRESH_SECONDS, LINK_STATUS_RECENT_SECONDS, totalsByCarrier } from '../health/carrier-link-totals';
import { CarrierLinkDto } from './carrier-link.dto';

@ApiTags('carriers')
@ApiBearerAuth()
@Controller('carriers')
export class CarrierLinksController {
  constructor(private readonly linkStatuses: LinkStatusRepository) {}

  @Get('links')
  @AnyRole()
  @ApiOperation({ summary: 'Each carrier account summed over the dispatchers: binds up, TPS and window, PDUs sent, throttling, answers, last error' })
  async links(): Promise<CarrierLinkDto[]> {
    const statuses = await this.linkStatuses.recent(LINK_STATUS_RECENT_SECONDS, LINK_STATUS_FRESH_SECONDS);
    return totalsByCarrier(statuses).map((total) => ({
      carrier: total.carrier,
      status: total.boundSessions > 0 ? 'up' : 'down',
      boundSessions: total.boundSessions,
      inFlight: total.inFlight,
      queued: total.queued,
      links: total.links,
      tps: total.details.tps,
      window: total.details.window,
      pdusSent: total.details.pdusSent,
      throttlePauses: total.details.throttlePauses,
      answers: total.details.answers,
      receiptStates: total.details.receiptStates,
      lastError: total.details.lastError ? { message: total.details.lastError.message, at: new Date(total.details.lastError.at) } : null,
      counters: total.counters,
    }));
  }
}
