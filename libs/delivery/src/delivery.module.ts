import { Module } from '@nestjs/common';
import { BindSlotsRepository } from './bind-slots.repository';
import { DeliveryRepository } from './delivery.repository';
import { LinkStatusRepository } from './link-status.repository';

@Module({
  providers: [DeliveryRepository, LinkStatusRepository, BindSlotsRepository],
  exports: [DeliveryRepository, LinkStatusRepository, BindSlotsRepository],
})
export class DeliveryModule {}
