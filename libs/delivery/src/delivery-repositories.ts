import { type DataSource } from 'typeorm';
import { CountersRepository } from './counters.repository';
import { MessageQueueRepository } from './message-queue.repository';
import { OutcomesRepository } from './outcomes.repository';
import { ReceiptsRepository } from './receipts.repository';

/** The four owners of message state, by seam: the queue and its claims, the outcomes of sends, the receipts, the counters' checks. */
export interface DeliveryRepositories {
  queue: MessageQueueRepository;
  outcomes: OutcomesRepository;
  receipts: ReceiptsRepository;
  counters: CountersRepository;
}

/** The four on one data source, outside Nest (the CLI's checks, scripts and tests). */
export function deliveryRepositories(db: DataSource): DeliveryRepositories {
  return {
    queue: new MessageQueueRepository(db),
    outcomes: new OutcomesRepository(db),
    receipts: new ReceiptsRepository(db),
    counters: new CountersRepository(db),
  };
}
