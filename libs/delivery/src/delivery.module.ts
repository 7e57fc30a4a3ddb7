import { Module } from '@nestjs/common';
import { RetentionRepository } from './retention.repository';
import { BindSlotsRepository } from './bind-slots.repository';
import { DispatchWakeups } from './dispatch-wakeups';
import { DeliveryRepository } from './delivery.repository';
import { LinkStatusRepository } from './link-status.repository';
import { SendLimitsRepository } from './send-limits.repository';
import { SubscriberMessagesRepository } from './subscriber-messages.repository';

@Module({
  providers: [
    DeliveryRepository,
    LinkStatusRepository,
    BindSlotsRepository,
    DispatchWakeups,
    SendLimitsRepository,
    RetentionRepository,
    SubscriberMessagesRepository,
  ],
  exports: [
    DeliveryRepository,
    LinkStatusRepository,
    BindSlotsRepository,
    DispatchWakeups,
    SendLimitsRepository,
    RetentionRepository,
    SubscriberMessagesRepository,
  ],
})
export class DeliveryModule {}
