import { Module } from '@nestjs/common';
import { RetentionRepository } from './retention.repository';
import { BindSlotsRepository } from './bind-slots.repository';
import { DeliveryRepository } from './delivery.repository';
import { LinkStatusRepository } from './link-status.repository';
import { SendLimitsRepository } from './send-limits.repository';

@Module({
  providers: [DeliveryRepository, LinkStatusRepository, BindSlotsRepository, SendLimitsRepository, RetentionRepository],
  exports: [DeliveryRepository, LinkStatusRepository, BindSlotsRepository, SendLimitsRepository, RetentionRepository],
})
export class DeliveryModule {}
