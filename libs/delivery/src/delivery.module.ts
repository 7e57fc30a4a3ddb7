import { Module } from '@nestjs/common';
import { BindSlotsRepository } from './bind-slots.repository';
import { DeliveryRepository } from './delivery.repository';
import { LinkStatusRepository } from './link-status.repository';
import { SendLimitsRepository } from './send-limits.repository';

@Module({
  providers: [DeliveryRepository, LinkStatusRepository, BindSlotsRepository, SendLimitsRepository],
  exports: [DeliveryRepository, LinkStatusRepository, BindSlotsRepository, SendLimitsRepository],
})
export class DeliveryModule {}
