import { type DeliveryReceipt } from '@loa/smpp';
import { type StoredReceipt } from './delivery.types';

const MAX_BATCH = 1000;
const MAX_WAIT_MS = 20;

/**
 * Stores receipts in batches (one INSERT per batch) and resolves each receipt's promise only once it is
 * stored, so the link answers deliver_sm_resp after the receipt is durable and a crash loses none.
 */
export class ReceiptSink {
  private pending: { receipt: StoredReceipt; done: () => void; failed: (error: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly store: (receipts: StoredReceipt[]) => Promise<void>) {}

  add(receipt: DeliveryReceipt): Promise<void> {
    return new Promise((done, failed) => {
      this.pending.push({ receipt: toStored(receipt), done, failed });
      if (this.pending.length >= MAX_BATCH) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), MAX_WAIT_MS);
    });
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      await this.store(batch.map((entry) => entry.receipt));
      for (const entry of batch) entry.done();
    } catch (error) {
      for (const entry of batch) entry.failed(error);
    }
  }
}

function toStored(receipt: DeliveryReceipt): StoredReceipt {
  return {
    carrier: receipt.carrier,
    smscMessageId: receipt.smscMessageId,
    msisdn: receipt.subscriber,
    state: receipt.state,
    errorCode: receipt.errorCode,
    doneAt: receipt.doneAt,
    raw: receipt.raw,
  };
}
