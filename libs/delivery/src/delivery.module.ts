import { Module } from '@nestjs/common';
import { RetentionRepository } from './retention.repository';
import { BindSlotsRepository } from './bind-slots.repository';
import { DeliveryRepository } from './delivery.repository';
import { LinkStatusRepository } from './link-status.repository';

@Module({
  providers: [DeliveryRepository, LinkStatusRepository, BindSlotsRepository, RetentionRepository],
  exports: [DeliveryRepository, LinkStatusRepository, BindSlotsRepository, RetentionRepository],
})
export class DeliveryModule {}
