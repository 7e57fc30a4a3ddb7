import type { EventEmitter } from 'node:events';
import type { Server, Socket } from 'node:net';
import smppModule from 'smpp';

/** The part of node-smpp 0.5.1 Loa uses; the package ships no types. */
export interface SmppPdu {
  command: string;
  command_id: number;
  command_status: number;
  sequence_number: number;
  [field: string]: unknown;
  isResponse(): boolean;
  response(options?: Record<string, unknown>): SmppPdu;
  toBuffer(): Buffer;
}

export interface SmppSession extends EventEmitter {
  socket: Socket;
  /** The last sequence number the session used; requests take the next. */
  sequence: number;
  send(pdu: SmppPdu): boolean;
  close(callback?: () => void): void;
  destroy(callback?: () => void): void;
}

interface SmppCommandDef {
  id: number;
  params?: Record<string, { filter?: unknown }>;
}

export interface SmppPackage {
  connect(options: { host: string; port: number }): SmppSession;
  createServer(options: Record<string, unknown>, listener: (session: SmppSession) => void): Server;
  PDU: { new (command: string, options?: Record<string, unknown>): SmppPdu; new (wire: Buffer): SmppPdu };
  commands: Record<string, SmppCommandDef>;
  tlvs: Record<string, { id: number; filter?: unknown }>;
}

const smpp = smppModule as SmppPackage;

// The package decodes short_message/message_payload with its own charset guesses (GSM for data_coding 1,
// '@'/'_' garbled, UDH split off) and turns relative validity periods into Dates. Loa encodes and decodes
// bytes itself (libs/sms), so those filters go: the fields travel as raw Buffers and raw strings.
const RAW_FIELDS = ['short_message', 'validity_period', 'schedule_delivery_time'];
for (const command of ['submit_sm', 'deliver_sm', 'data_sm', 'submit_multi', 'replace_sm']) {
  const params = smpp.commands[command]?.params ?? {};
  for (const field of RAW_FIELDS) if (params[field]) delete params[field].filter;
}
delete smpp.tlvs.message_payload.filter;

/** node-smpp with raw message bytes; the simulator uses its server side through this too. */
export const smppPackage: SmppPackage = smpp;

export function newPdu(command: string, options: Record<string, unknown> = {}): SmppPdu {
  return new smpp.PDU(command, options);
}
