import { type Clock } from '@loa/common';
import { type DeliveryReceipt, type InboundSms, type LateAccept, type OutboundSms } from './carrier-link.types';
import { parseDeliverSm, type ReceiptParseOptions } from './deliver-sm.parser';
import { type LinkLogger } from './link-logger';
import { type LinkStatusTracker } from './link-status-tracker';
import { type SmppPdu } from './smpp-package';
import { SMPP_STATUS } from './smpp-status';
import { canonicalSubmitId } from './smsc-message-id';

/** What comes back from the carrier unasked: receipts, subscribers' own messages, and answers that came too late. */
export class LinkInbox {
  private receiptHandler?: (receipt: DeliveryReceipt) => Promise<void>;
  private inboundHandler?: (message: InboundSms) => Promise<void>;
  private lateAcceptHandler?: (late: LateAccept) => void;
  private refusedDeliverSm = { loggedAt: 0, unlogged: 0 };

  constructor(
    /** How this carrier's receipts read, for every deliver_sm. */
    private readonly receiptParsing: ReceiptParseOptions,
    private readonly status: LinkStatusTracker,
    private readonly logger: LinkLogger,
    private readonly clock: Clock,
    /** At most one line per this while deliver_sm are refused (config/defaults.json link.refusedReceiptLogIntervalMs). */
    private readonly refusedLogIntervalMs: number,
  ) {}

  onReceipt(handler: (receipt: DeliveryReceipt) => Promise<void>): void {
    this.receiptHandler = handler;
  }

  onInbound(handler: (message: InboundSms) => Promise<void>): void {
    this.inboundHandler = handler;
  }

  onLateAccept(handler: (late: LateAccept) => void): void {
    this.lateAcceptHandler = handler;
  }

  /** Resolves with the command_status of the deliver_sm_resp: OK once the handler has stored it. */
  async deliverSm(pdu: SmppPdu): Promise<number> {
    try {
      const content = parseDeliverSm(pdu, this.receiptParsing);
      if (content.kind === 'receipt') {
        this.status.receipt(content.receipt.state ?? 'none');
        await this.receiptHandler?.(content.receipt);
      } else {
        this.status.counters.inbound++;
        await this.inboundHandler?.(content.message);
      }
      return SMPP_STATUS.OK;
    } catch (error) {
      // Answering a temporary error makes the SMSC deliver it again later instead of losing it.
      this.logRefusedDeliverSm(pdu, error as Error);
      return SMPP_STATUS.TEMPORARY_APP_ERROR;
    }
  }

  /** A submit_sm_resp for a part whose request had already expired. */
  lateResponse(message: OutboundSms, part: number, totalParts: number, response: SmppPdu): void {
    this.status.counters.lateResponses++;
    if (response.command_status !== SMPP_STATUS.OK) return;
    const smscMessageId = canonicalSubmitId(String(response.message_id ?? ''), this.receiptParsing.dlrIdFormat);
    const late: LateAccept = { message, part, totalParts, smscMessageId };
    // Off the smpp package's read loop: a handler that throws there would leave the session deaf for good.
    void Promise.resolve()
      .then(() => this.lateAcceptHandler?.(late))
      .catch((error: Error) => this.logger.error(`${this.receiptParsing.carrier}: late accept of ${late.smscMessageId} not handled: ${error.message}`));
  }

  /** One line per interval at most: while the database is away, every receipt fails the same way. */
  private logRefusedDeliverSm(pdu: SmppPdu, error: Error): void {
    const now = this.clock.now();
    if (now - this.refusedDeliverSm.loggedAt < this.refusedLogIntervalMs) {
      this.refusedDeliverSm.unlogged++;
      return;
    }
    const more = this.refusedDeliverSm.unlogged > 0 ? ` (and ${this.refusedDeliverSm.unlogged} more before it)` : '';
    this.logger.error(`${this.receiptParsing.carrier}: deliver_sm ${pdu.sequence_number} not stored${more}, answering ESME_RX_T_APPN: ${error.message}`);
    this.refusedDeliverSm = { loggedAt: now, unlogged: 0 };
  }
}
