import { formatVietnamInstant } from '@loa/common';
import { encodeDeliverSm, newPdu } from '@loa/smpp';
import { type ReceiptOutcome, type SmscProfile } from './smsc-profile';

/** A receipt waiting for its time. */
export interface PendingReceipt {
  systemId: string;
  idNumber: number;
  submitMessageId: string;
  source: string;
  destination: string;
  submittedAt: number;
  state: ReceiptOutcome;
  snippet: string;
  /** The simulator ignored the ESME's acknowledgement of it: its next send is a replay. */
  ackLost?: boolean;
}

export interface SentReceipt {
  systemId: string;
  /** The id as the receipt carries it (receiptIdFormat). */
  messageId: string;
  /** The id answered in submit_sm_resp. */
  submitMessageId: string;
  state: ReceiptOutcome;
  /** The receipt's err: code. */
  errorCode: string;
  source: string;
  destination: string;
  at: number;
}

// SMPP 3.4 §5.2.28 message_state, and the err: codes a typical SMSC reports with them.
const MESSAGE_STATE: Record<ReceiptOutcome, number> = { DELIVRD: 2, EXPIRED: 3, UNDELIV: 5, REJECTD: 8 };
export const RECEIPT_ERROR_CODES: Readonly<Record<ReceiptOutcome, string>> = { DELIVRD: '000', EXPIRED: '027', UNDELIV: '001', REJECTD: '008' };

export function formatMessageId(idNumber: number, format: 'hex' | 'decimal'): string {
  // Upper case, zero-padded: the receipt's form differs, which the ESME must normalise.
  return format === 'hex' ? idNumber.toString(16).toUpperCase().padStart(10, '0') : String(idNumber);
}

export function receiptMessageId(receipt: PendingReceipt, profile: SmscProfile): string {
  if (profile.receiptIdFormat === profile.messageIdFormat) return receipt.submitMessageId;
  return profile.receiptIdFormat === 'hex' ? receipt.idNumber.toString(16) : String(receipt.idNumber);
}

export function pickOutcome(outcomes: SmscProfile['outcomes'], random: () => number): ReceiptOutcome {
  const entries = Object.entries(outcomes) as [ReceiptOutcome, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [outcome, weight] of entries) {
    if ((roll -= weight) < 0) return outcome;
  }
  return 'DELIVRD';
}

/** YYMMDDhhmm in Vietnamese wall-clock time (UTC+7), as the carriers' SMSCs stamp receipts. */
function smscDate(at: number): string {
  const [date, time] = formatVietnamInstant(at).split('T'); // 2026-12-08, 01:30:00.000+07:00
  return `${date.slice(2).replaceAll('-', '')}${time.slice(0, 5).replace(':', '')}`;
}

/** The receipt's deliver_sm on the wire, with the sequence number its session gives it. */
export function receiptPdu(receipt: PendingReceipt, messageId: string, form: SmscProfile['receiptForm'], now: number, sequence: number): Buffer {
  const fields: Record<string, unknown> = {
    source_addr_ton: 1,
    source_addr_npi: 1,
    source_addr: receipt.destination,
    dest_addr_ton: 5,
    dest_addr_npi: 0,
    destination_addr: receipt.source,
    esm_class: 0x04,
    data_coding: 0,
    short_message: Buffer.alloc(0),
  };
  if (form !== 'tlv') {
    const delivered = receipt.state === 'DELIVRD' ? '001' : '000';
    const text = `id:${messageId} sub:001 dlvrd:${delivered} submit date:${smscDate(receipt.submittedAt)} done date:${smscDate(now)} stat:${receipt.state} err:${RECEIPT_ERROR_CODES[receipt.state]} text:${receipt.snippet}`;
    fields.short_message = Buffer.from(text, 'latin1');
  }
  if (form !== 'text') {
    fields.receipted_message_id = messageId;
    fields.message_state = MESSAGE_STATE[receipt.state];
  }
  return encodeDeliverSm(sequence, fields) ?? newPdu('deliver_sm', { ...fields, sequence_number: sequence }).toBuffer();
}
