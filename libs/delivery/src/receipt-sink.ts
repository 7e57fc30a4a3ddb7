import { type DeliveryReceipt } from '@loa/smpp';
import { type StoredReceipt } from './delivery.types';
import { type OutcomeWriter } from './outcome-writer';

const MAX_BATCH = 1000;
const MAX_WAIT_MS = 20;

interface PendingReceipt {
  receipt: StoredReceipt;
  done: () => void;
  failed: (error: unknown) => void;
}

/**
 * Stores receipts in batches (one INSERT per batch) and resolves each receipt's promise only once it is
 * stored, so the link answers deliver_sm_resp after the receipt is durable and a crash loses none. A
 * receipt whose message's outcome is not written yet goes into that write instead (OutcomeWriter.route).
 */
export class ReceiptSink {
  private pending: PendingReceipt[] = [];
  private timer: NodeJS.Timeout | null = null;
  private incoming: PendingReceipt[] = [];
  private routing = false;

  constructor(
    private readonly store: (receipts: StoredReceipt[]) => Promise<void>,
    private readonly outcomes?: OutcomeWriter,
  ) {}

  add(receipt: DeliveryReceipt): Promise<void> {
    return new Promise((done, failed) => {
      this.incoming.push({ receipt: toStored(receipt), done, failed });
      // After the current socket read: a submit_sm_resp read together with this receipt reaches the writer first.
      if (!this.routing) {
        this.routing = true;
        setImmediate(() => this.routeIncoming());
      }
    });
  }

  async flush(): Promise<void> {
    this.routeIncoming();
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

  private routeIncoming(): void {
    this.routing = false;
    const incoming = this.incoming;
    this.incoming = [];
    for (const entry of incoming) {
      const route = this.outcomes?.route(entry.receipt) ?? null;
      if (route === null) this.enqueue(entry);
      else if (route.kind === 'merged')
        void route.stored.then((stored) => (stored ? entry.done() : entry.failed(new Error('the outcome carrying this receipt was not written'))));
      else void route.written.then(() => this.enqueue(entry));
    }
  }

  private enqueue(entry: PendingReceipt): void {
    this.pending.push(entry);
    if (this.pending.length >= MAX_BATCH) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), MAX_WAIT_MS);
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
