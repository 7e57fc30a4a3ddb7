import { decodeText, parseUdh } from '@loa/sms';
import { type SmppPdu } from '@loa/smpp';
import { LOST_ANSWER } from './smsc-behaviours';

export interface ConcatPart {
  mode: 'udh8' | 'udh16' | 'sar';
  reference: number;
  total: number;
  sequence: number;
}

/** One submit_sm as the simulator received it. */
export interface ReceivedSubmit {
  at: number;
  systemId: string;
  connection: number;
  sequenceNumber: number;
  source: string;
  sourceTon: number;
  sourceNpi: number;
  destination: string;
  destTon: number;
  destNpi: number;
  dataCoding: number;
  esmClass: number;
  registeredDelivery: number;
  validityPeriod: string;
  concat: ConcatPart | null;
  /** short_message exactly as received, UDH included. */
  shortMessage: Buffer;
  messagePayload: Buffer | null;
  /** The text this PDU carries (UDH stripped, message_payload when present). */
  text: string;
  /** The command_status answered; -1 when the connection was dropped instead, -2 when never answered, -3 when taken but the answer was lost. */
  status: number;
  messageId: string | null;
}

export function decodeSubmit(pdu: SmppPdu, base: Pick<ReceivedSubmit, 'at' | 'systemId' | 'connection'>): Omit<ReceivedSubmit, 'status' | 'messageId'> {
  const shortMessage = Buffer.isBuffer(pdu.short_message) ? pdu.short_message : Buffer.alloc(0);
  const messagePayload = Buffer.isBuffer(pdu.message_payload) ? pdu.message_payload : null;
  const esmClass = Number(pdu.esm_class ?? 0);
  const dataCoding = Number(pdu.data_coding ?? 0);
  let body = messagePayload ?? shortMessage;
  let concat: ConcatPart | null = null;
  if (esmClass & 0x40 && !messagePayload) {
    try {
      const udh = parseUdh(shortMessage);
      body = shortMessage.subarray(udh.headerLength);
      if (udh.concat) concat = { mode: udh.concat.referenceBits === 8 ? 'udh8' : 'udh16', ...pick(udh.concat) };
    } catch {
      // A broken UDH stays in the text, visible to whoever inspects it.
    }
  } else if (typeof pdu.sar_msg_ref_num === 'number') {
    concat = { mode: 'sar', reference: pdu.sar_msg_ref_num, total: Number(pdu.sar_total_segments), sequence: Number(pdu.sar_segment_seqnum) };
  }
  let text: string;
  try {
    text = decodeText(body, dataCoding);
  } catch {
    text = body.toString('latin1');
  }
  return {
    ...base,
    sequenceNumber: pdu.sequence_number,
    source: String(pdu.source_addr ?? ''),
    sourceTon: Number(pdu.source_addr_ton ?? 0),
    sourceNpi: Number(pdu.source_addr_npi ?? 0),
    destination: String(pdu.destination_addr ?? ''),
    destTon: Number(pdu.dest_addr_ton ?? 0),
    destNpi: Number(pdu.dest_addr_npi ?? 0),
    dataCoding,
    esmClass,
    registeredDelivery: Number(pdu.registered_delivery ?? 0),
    validityPeriod: String(pdu.validity_period ?? ''),
    concat,
    shortMessage,
    messagePayload,
    text,
  };
}

function pick(info: { reference: number; total: number; sequence: number }): Omit<ConcatPart, 'mode'> {
  return { reference: info.reference, total: info.total, sequence: info.sequence };
}

export interface ReassembledMessage {
  source: string;
  destination: string;
  text: string;
  dataCoding: number;
  concat: 'single' | 'payload' | ConcatPart['mode'];
  parts: number;
  complete: boolean;
  messageIds: string[];
}

/** Accepted submits put back together into whole messages, in order of their first part. */
export function reassemble(received: readonly ReceivedSubmit[]): ReassembledMessage[] {
  const messages: ReassembledMessage[] = [];
  const open = new Map<string, { message: ReassembledMessage; texts: Map<number, string>; total: number }>();
  for (const submit of received) {
    if (submit.status !== 0 && submit.status !== LOST_ANSWER) continue;
    const { source, destination, text, dataCoding, concat, messageId } = submit;
    if (!concat) {
      messages.push({ source, destination, text, dataCoding, concat: submit.messagePayload ? 'payload' : 'single', parts: 1, complete: true, messageIds: [messageId ?? ''] });
      continue;
    }
    const key = `${submit.systemId}|${source}|${destination}|${concat.mode}|${concat.reference}`;
    let group = open.get(key);
    if (!group || group.texts.has(concat.sequence)) {
      group = { message: { source, destination, text: '', dataCoding, concat: concat.mode, parts: 0, complete: false, messageIds: [] }, texts: new Map(), total: concat.total };
      open.set(key, group);
      messages.push(group.message);
    }
    group.texts.set(concat.sequence, text);
    group.message.messageIds.push(messageId ?? '');
    group.message.parts = group.texts.size;
    group.message.complete = group.texts.size === group.total;
    group.message.text = [...group.texts.entries()].sort(([a], [b]) => a - b).map(([, part]) => part).join('');
    if (group.message.complete) open.delete(key);
  }
  return messages;
}
