import { Module } from '@nestjs/common';
import { RetentionRepository } from './retention.repository';
import { BindSlotsRepository } from './bind-slots.repository';
import { DispatchWakeups } from './dispatch-wakeups';
import { CountersRepository } from './counters.repository';
import { MessageQueueRepository } from './message-queue.repository';
import { OutcomesRepository } from './outcomes.repository';
import { ReceiptsRepository } from './receipts.repository';
import { LinkStatusRepository } from './link-status.repository';
import { SendLimitsRepository } from './send-limits.repository';
import { SubscriberMessagesRepository } from './subscriber-messages.repository';

@Module({
  providers: [
    MessageQueueRepository,
    OutcomesRepository,
    ReceiptsRepository,
    CountersRepository,
    LinkStatusRepository,
    BindSlotsRepository,
    DispatchWakeups,
    SendLimitsRepository,
    RetentionRepository,
    SubscriberMessagesRepository,
  ],
  exports: [
    MessageQueueRepository,
    OutcomesRepository,
    ReceiptsRepository,
    CountersRepository,
    LinkStatusRepository,
    BindSlotsRepository,
    DispatchWakeups,
    SendLimitsRepository,
    RetentionRepository,
    SubscriberMessagesRepository,
  ],
})
export class DeliveryModule {}
