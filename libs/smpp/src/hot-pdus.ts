import { newPdu, type SmppPdu } from './smpp-package';

/**
 * The PDUs that go out once per message, encoded straight into one buffer (SMPP 3.4 §4.4, §4.6): the ESME's
 * submit_sm and deliver_sm_resp, and the simulated SMSC's submit_sm_resp and receipt deliver_sm. The smpp
 * package's generic encoder walks every field of the command table with its filters and binds a closure per
 * write; for these it was the largest single cost of the dispatcher's CPU, and of the simulator's. Every other
 * PDU, and one with anything beyond the plain fields (SAR or payload TLVs), still goes through the package.
 */
const SUBMIT_SM = 0x00000004;
const DELIVER_SM = 0x00000005;
const SUBMIT_SM_RESP = 0x80000004;
const DELIVER_SM_RESP = 0x80000005;
const HEADER = 16;
const PLAIN_FIELDS = [
  'service_type',
  'source_addr_ton',
  'source_addr_npi',
  'source_addr',
  'dest_addr_ton',
  'dest_addr_npi',
  'destination_addr',
  'esm_class',
  'registered_delivery',
  'validity_period',
  'data_coding',
  'short_message',
];
const PLAIN_SUBMIT_FIELDS = new Set(PLAIN_FIELDS);
/** A receipt's fields: the plain ones and the two TLVs that say which message and how it ended. */
const PLAIN_RECEIPT_FIELDS = new Set([...PLAIN_FIELDS, 'receipted_message_id', 'message_state']);
/** The TLVs a receipt carries (SMPP 3.4 §5.3.2). */
const RECEIPTED_MESSAGE_ID = 0x001e;
const NETWORK_ERROR_CODE = 0x0423;
const MESSAGE_PAYLOAD = 0x0424;
const MESSAGE_STATE = 0x0427;

/** A submit_sm of the plain fields only (protocol_id, priority, schedule, replace, default id all 0); null otherwise. */
export function encodeSubmitSm(sequence: number, fields: Record<string, unknown>): Buffer | null {
  for (const key in fields) if (!PLAIN_SUBMIT_FIELDS.has(key)) return null;
  return encodeShortMessage(SUBMIT_SM, sequence, fields);
}

/** A deliver_sm of the plain fields, with a receipt's receipted_message_id and message_state if given; null otherwise. */
export function encodeDeliverSm(sequence: number, fields: Record<string, unknown>): Buffer | null {
  for (const key in fields) if (!PLAIN_RECEIPT_FIELDS.has(key)) return null;
  return encodeShortMessage(DELIVER_SM, sequence, fields);
}

/** submit_sm and deliver_sm share their body (§4.4.1, §4.6.1); the TLVs follow in the order the fields name them, as the package writes them. */
function encodeShortMessage(commandId: number, sequence: number, fields: Record<string, unknown>): Buffer | null {
  const message = fields.short_message;
  if (!Buffer.isBuffer(message) || message.length > 254) return null;
  const serviceType = text(fields.service_type);
  const source = text(fields.source_addr);
  const destination = text(fields.destination_addr);
  const validity = text(fields.validity_period);
  const receiptedId = fields.receipted_message_id === undefined ? null : text(fields.receipted_message_id);
  const tlvLength = (receiptedId === null ? 0 : 4 + receiptedId.length + 1) + (fields.message_state === undefined ? 0 : 5);
  const length =
    HEADER + serviceType.length + 1 + 2 + source.length + 1 + 2 + destination.length + 1 + 3 + 1 + validity.length + 1 + 5 + message.length + tlvLength;
  const pdu = Buffer.allocUnsafe(length);
  let at = header(pdu, length, commandId, 0, sequence);
  at = cString(pdu, at, serviceType);
  at = octets(pdu, at, fields.source_addr_ton, fields.source_addr_npi);
  at = cString(pdu, at, source);
  at = octets(pdu, at, fields.dest_addr_ton, fields.dest_addr_npi);
  at = cString(pdu, at, destination);
  at = octets(pdu, at, fields.esm_class, 0, 0); // protocol_id, priority_flag
  at = cString(pdu, at, ''); // schedule_delivery_time: immediately
  at = cString(pdu, at, validity);
  at = octets(pdu, at, fields.registered_delivery, 0, fields.data_coding, 0, message.length); // replace_if_present, sm_default_msg_id, sm_length
  at += message.copy(pdu, at);
  for (const key in fields) {
    if (key === 'receipted_message_id' && receiptedId !== null) {
      at = tlvHeader(pdu, at, RECEIPTED_MESSAGE_ID, receiptedId.length + 1);
      at = cString(pdu, at, receiptedId);
    } else if (key === 'message_state') {
      at = tlvHeader(pdu, at, MESSAGE_STATE, 1);
      at = octets(pdu, at, fields.message_state);
    }
  }
  return pdu;
}

/** submit_sm_resp: the SMSC's id when it took the message, the header alone when it refused it (as the package does). */
export function encodeSubmitSmResp(sequence: number, status: number, messageId: string): Buffer {
  if (status !== 0) return headerOnly(SUBMIT_SM_RESP, status, sequence);
  const length = HEADER + messageId.length + 1;
  const pdu = Buffer.allocUnsafe(length);
  cString(pdu, header(pdu, length, SUBMIT_SM_RESP, 0, sequence), messageId);
  return pdu;
}

/** deliver_sm_resp: an empty message_id when it takes the receipt, the header alone when it refuses it (as the package does). */
export function encodeDeliverSmResp(sequence: number, status: number): Buffer {
  if (status !== 0) return headerOnly(DELIVER_SM_RESP, status, sequence);
  const pdu = Buffer.allocUnsafe(HEADER + 1);
  cString(pdu, header(pdu, HEADER + 1, DELIVER_SM_RESP, 0, sequence), '');
  return pdu;
}

function headerOnly(commandId: number, status: number, sequence: number): Buffer {
  const pdu = Buffer.allocUnsafe(HEADER);
  header(pdu, HEADER, commandId, status, sequence);
  return pdu;
}

function tlvHeader(pdu: Buffer, at: number, tag: number, length: number): number {
  pdu.writeUInt16BE(tag, at);
  pdu.writeUInt16BE(length, at + 2);
  return at + 4;
}

function header(pdu: Buffer, length: number, commandId: number, status: number, sequence: number): number {
  pdu.writeUInt32BE(length, 0);
  pdu.writeUInt32BE(commandId, 4);
  pdu.writeUInt32BE(status >>> 0, 8);
  pdu.writeUInt32BE(sequence, 12);
  return HEADER;
}

/** SMPP C-Octet Strings are ASCII; addresses and validity periods never hold anything else. */
function cString(pdu: Buffer, at: number, value: string): number {
  const written = pdu.write(value, at, 'latin1');
  pdu[at + written] = 0;
  return at + written + 1;
}

function octets(pdu: Buffer, at: number, ...values: unknown[]): number {
  for (const value of values) pdu[at++] = Number(value ?? 0);
  return at;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** A hand-decoded PDU with the fields the package would give it; answers and encodings still come from the package. */
class HotPdu implements SmppPdu {
  [field: string]: unknown;
  command_length: number;

  constructor(
    readonly command: string,
    readonly command_id: number,
    readonly command_status: number,
    readonly sequence_number: number,
    length: number,
  ) {
    this.command_length = length;
  }

  isResponse(): boolean {
    return (this.command_id & 0x80000000) !== 0;
  }

  response(options: Record<string, unknown> = {}): SmppPdu {
    return newPdu(`${this.command}_resp`, { ...options, sequence_number: this.sequence_number });
  }

  toBuffer(): Buffer {
    throw new Error(`${this.command} was decoded by hand and is never sent again`);
  }
}

/**
 * The PDUs that come in once per message, decoded straight from the wire: at the ESME submit_sm_resp and a
 * deliver_sm whose TLVs are those of a receipt (or a payload), at the simulated SMSC a plain submit_sm and
 * deliver_sm_resp. Null for anything else, which the package decodes (as it decodes them: same fields, same
 * types). `pdu` is one whole PDU; byte fields are copied out of it.
 */
export function decodeHotPdu(pdu: Buffer): SmppPdu | null {
  const length = pdu.readUInt32BE(0);
  const commandId = pdu.readUInt32BE(4);
  const status = pdu.readUInt32BE(8);
  const sequence = pdu.readUInt32BE(12);
  if (commandId === SUBMIT_SM_RESP || commandId === DELIVER_SM_RESP) {
    const decoded = new HotPdu(commandId === SUBMIT_SM_RESP ? 'submit_sm_resp' : 'deliver_sm_resp', commandId, status, sequence, length);
    // An error answer may stop after the header: no message_id then, as from the package.
    if (length === HEADER) return decoded;
    const { value, end } = readCString(pdu, HEADER, length);
    if (end + 1 !== length) return null; // TLVs after the id, or no NUL: the package
    decoded.message_id = value;
    return decoded;
  }
  if (commandId === DELIVER_SM && status === 0) return decodeShortMessage('deliver_sm', DELIVER_SM, pdu, length, sequence);
  if (commandId === SUBMIT_SM && status === 0) return decodeShortMessage('submit_sm', SUBMIT_SM, pdu, length, sequence);
  return null;
}

function decodeShortMessage(command: string, commandId: number, pdu: Buffer, length: number, sequence: number): SmppPdu | null {
  const decoded = new HotPdu(command, commandId, 0, sequence, length);
  let at = HEADER;
  const cString = (field: string) => {
    const { value, end } = readCString(pdu, at, length);
    decoded[field] = value;
    at = end + 1;
  };
  const octet = (field: string) => {
    decoded[field] = pdu[at++];
  };
  cString('service_type');
  octet('source_addr_ton');
  octet('source_addr_npi');
  cString('source_addr');
  octet('dest_addr_ton');
  octet('dest_addr_npi');
  cString('destination_addr');
  octet('esm_class');
  octet('protocol_id');
  octet('priority_flag');
  cString('schedule_delivery_time');
  cString('validity_period');
  octet('registered_delivery');
  octet('replace_if_present_flag');
  octet('data_coding');
  octet('sm_default_msg_id');
  const messageLength = pdu[at++];
  if (at + messageLength > length) return null;
  decoded.short_message = Buffer.from(pdu.subarray(at, at + messageLength));
  at += messageLength;
  while (at + 4 <= length) {
    const tag = pdu.readUInt16BE(at);
    const size = pdu.readUInt16BE(at + 2);
    at += 4;
    if (at + size > length) return null;
    if (tag === RECEIPTED_MESSAGE_ID) decoded.receipted_message_id = readCString(pdu, at, at + size).value;
    else if (tag === MESSAGE_STATE && size === 1) decoded.message_state = pdu[at];
    else if (tag === NETWORK_ERROR_CODE) decoded.network_error_code = Buffer.from(pdu.subarray(at, at + size));
    else if (tag === MESSAGE_PAYLOAD) decoded.message_payload = Buffer.from(pdu.subarray(at, at + size));
    else return null; // any other TLV: the package knows them all
    at += size;
  }
  return at === length ? decoded : null;
}

/** A C-Octet String from `at`, up to its NUL (or `limit`), decoded as the package decodes it ('ascii'). */
function readCString(pdu: Buffer, at: number, limit: number): { value: string; end: number } {
  let end = at;
  while (end < limit && pdu[end] !== 0) end++;
  return { value: pdu.toString('ascii', at, end), end };
}
