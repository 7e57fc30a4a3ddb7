/**
 * The two PDUs that go out once per message, encoded straight into one buffer (SMPP 3.4 §4.4.1, §4.6.2).
 * The smpp package's generic encoder walks every field of the command table with its filters and binds a
 * closure per write; for these two it was the largest single cost of the dispatcher's CPU. Every other PDU,
 * and a submit_sm with anything beyond the plain fields (SAR or payload TLVs), still goes through the package.
 */
const SUBMIT_SM = 0x00000004;
const DELIVER_SM_RESP = 0x80000005;
const HEADER = 16;
const PLAIN_SUBMIT_FIELDS = new Set([
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
]);

/** A submit_sm of the plain fields only (protocol_id, priority, schedule, replace, default id all 0); null otherwise. */
export function encodeSubmitSm(sequence: number, fields: Record<string, unknown>): Buffer | null {
  for (const key in fields) if (!PLAIN_SUBMIT_FIELDS.has(key)) return null;
  const message = fields.short_message;
  if (!Buffer.isBuffer(message) || message.length > 254) return null;
  const serviceType = text(fields.service_type);
  const source = text(fields.source_addr);
  const destination = text(fields.destination_addr);
  const validity = text(fields.validity_period);
  const length = HEADER + serviceType.length + 1 + 2 + source.length + 1 + 2 + destination.length + 1 + 3 + 1 + validity.length + 1 + 5 + message.length;
  const pdu = Buffer.allocUnsafe(length);
  let at = header(pdu, length, SUBMIT_SM, 0, sequence);
  at = cString(pdu, at, serviceType);
  at = octets(pdu, at, fields.source_addr_ton, fields.source_addr_npi);
  at = cString(pdu, at, source);
  at = octets(pdu, at, fields.dest_addr_ton, fields.dest_addr_npi);
  at = cString(pdu, at, destination);
  at = octets(pdu, at, fields.esm_class, 0, 0); // protocol_id, priority_flag
  at = cString(pdu, at, ''); // schedule_delivery_time: immediately
  at = cString(pdu, at, validity);
  at = octets(pdu, at, fields.registered_delivery, 0, fields.data_coding, 0, message.length); // replace_if_present, sm_default_msg_id, sm_length
  message.copy(pdu, at);
  return pdu;
}

/** deliver_sm_resp: an empty message_id when it takes the receipt, the header alone when it refuses it (as the package does). */
export function encodeDeliverSmResp(sequence: number, status: number): Buffer {
  const length = status === 0 ? HEADER + 1 : HEADER;
  const pdu = Buffer.allocUnsafe(length);
  const at = header(pdu, length, DELIVER_SM_RESP, status, sequence);
  if (status === 0) cString(pdu, at, '');
  return pdu;
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
