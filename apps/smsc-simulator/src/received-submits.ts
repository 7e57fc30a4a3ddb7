import { decodeText, parseUdh } from '@loa/sms';
import { type SmppPdu } from '@loa/smpp';
import { isTaken } from './smsc-behaviours';

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
  /**
   * The command_status answered; -1 when the connection was dropped instead, -2 when never answered, -3 when
   * taken but the answer was lost, -4 when taken and answered but the connection was reset right after.
   */
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
  /** Distinct parts taken. */
  parts: number;
  complete: boolean;
  /** One per PDU taken, repeats included. */
  messageIds: string[];
  /** The part number of every PDU taken, repeats included, in arrival order (1 for a single PDU). */
  sequences: number[];
}

interface PartGroup {
  message: ReassembledMessage;
  total: number;
  texts: Map<number, string>;
}

/**
 * Taken submits put back together into whole messages, in order of their first part, as a handset would:
 * parts join by (destination, source, concatenation, reference), so parts sent again under the same
 * reference complete or repeat that message rather than start another. An 8-bit reference rolls over after
 * 256 messages to one destination; a test sends each destination a few.
 */
export function reassemble(received: readonly ReceivedSubmit[]): ReassembledMessage[] {
  const messages: ReassembledMessage[] = [];
  const groups = new Map<string, PartGroup>();
  for (const submit of received) {
    if (!isTaken(submit.status)) continue;
    if (!submit.concat) {
      messages.push(singleMessage(submit));
      continue;
    }
    const key = `${submit.destination}|${submit.source}|${submit.concat.mode}|${submit.concat.reference}`;
    let group = groups.get(key);
    if (!group) {
      groups.set(key, (group = newGroup(submit, submit.concat)));
      messages.push(group.message);
    }
    addPart(group, submit, submit.concat.sequence);
  }
  return messages;
}

function singleMessage(submit: ReceivedSubmit): ReassembledMessage {
  const { source, destination, text, dataCoding, messageId } = submit;
  const concat = submit.messagePayload ? 'payload' : 'single';
  return { source, destination, text, dataCoding, concat, parts: 1, complete: true, messageIds: [messageId ?? ''], sequences: [1] };
}

function newGroup(submit: ReceivedSubmit, concat: ConcatPart): PartGroup {
  const { source, destination, dataCoding } = submit;
  const message: ReassembledMessage = {
    source,
    destination,
    text: '',
    dataCoding,
    concat: concat.mode,
    parts: 0,
    complete: false,
    messageIds: [],
    sequences: [],
  };
  return { message, total: concat.total, texts: new Map() };
}

function addPart(group: PartGroup, submit: ReceivedSubmit, sequence: number): void {
  const { message, texts } = group;
  if (!texts.has(sequence)) texts.set(sequence, submit.text);
  message.messageIds.push(submit.messageId ?? '');
  message.sequences.push(sequence);
  message.parts = texts.size;
  message.complete = texts.size === group.total;
  message.text = [...texts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, part]) => part)
    .join('');
}
