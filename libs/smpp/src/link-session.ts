import { SmppBindError, type BindTarget } from './smpp-bind.error';
import { newPdu, type SmppPdu, type SmppSession, smppPackage } from './smpp-package';
import { encodeDeliverSmResp, encodeSubmitSm } from './hot-pdus';
import { PduReader } from './pdu-reader';
import { type LateResponseCallback, PendingRequests, type ResponseCallback } from './pending-requests';
import { SMPP_STATUS } from './smpp-status';

export type SessionRole = 'transceiver' | 'transmitter' | 'receiver';

export interface SessionSettings {
  carrier: string;
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType: string;
  role: SessionRole;
  bindTimeoutMs: number;
  requestTimeoutMs: number;
  enquireLinkMs: number;
  /** Expired submits are remembered this long, and at most this many per connection, for a late answer. */
  lateAnswerKeepMs: number;
  lateAnswerKeepMax: number;
}

export interface SessionHandlers {
  /** Resolves with the command_status to answer the deliver_sm with. */
  deliverSm(pdu: SmppPdu): Promise<number>;
  /** The bound session is gone; its pending requests have already failed. */
  down(session: LinkSession, reason: string): void;
}

/**
 * One SMPP session. Keeps its own table of requests awaiting a response with a per-request expiry:
 * node-smpp's callbacks never expire and stay pending for ever when the connection drops.
 */
export class LinkSession {
  state: 'down' | 'connecting' | 'bound' | 'closing' = 'down';
  everBound = false;
  private session?: SmppSession;
  private readonly requests: PendingRequests;
  private timers: NodeJS.Timeout[] = [];
  private enquirePending = false;
  private closeReason = '';
  private corked = false;

  constructor(
    readonly label: string,
    private readonly settings: SessionSettings,
    private readonly handlers: SessionHandlers,
  ) {
    this.requests = new PendingRequests(settings.lateAnswerKeepMs, settings.lateAnswerKeepMax);
  }

  get submitsInFlight(): number {
    return this.requests.submitsInFlight;
  }

  get canSubmit(): boolean {
    return this.settings.role !== 'receiver';
  }

  get target(): BindTarget {
    const { carrier, host, port, systemId, role } = this.settings;
    return { carrier, host, port, systemId, bindCommand: `bind_${role}` };
  }

  open(): Promise<void> {
    const { host, port, bindTimeoutMs } = this.settings;
    this.state = 'connecting';
    this.closeReason = '';
    this.requests.newConnection();
    return new Promise((resolve, reject) => {
      const session = smppPackage.connect({ host, port });
      this.session = session;
      let settled = false;
      const fail = (error: SmppBindError): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.requests.failAll('bind failed');
        this.state = 'down';
        session.destroy();
        reject(error);
      };
      const timer = setTimeout(() => fail(new SmppBindError(this.target, null, `no bind response within ${bindTimeoutMs} ms`)), bindTimeoutMs);
      // Loa's own reader instead of the package's (see PduReader); the package still writes and binds.
      session.socket.removeAllListeners('readable');
      const reader = new PduReader();
      session.socket.on('readable', () => this.read(session, reader));
      session.on('error', (error: Error) => {
        if (!settled) return fail(new SmppBindError(this.target, null, error.message));
        this.drop(`connection error: ${error.message}`);
      });
      session.on('close', () => {
        if (!settled) return fail(new SmppBindError(this.target, null, 'connection closed before the bind response'));
        // A failed bind was reported by open() itself (the link retries it); only a bound session's end,
        // on its current connection, is a session going down. Reporting both doubled every reconnect.
        if (this.session === session && this.state !== 'down') this.onClosed();
      });
      session.on('connect', () => {
        this.request(this.bindPdu(), bindTimeoutMs, false, (response, reason) => {
          if (!response) return fail(new SmppBindError(this.target, null, reason));
          if (response.command_status !== SMPP_STATUS.OK) return fail(SmppBindError.refused(this.target, response.command_status));
          settled = true;
          clearTimeout(timer);
          this.state = 'bound';
          this.everBound = true;
          this.startTimers();
          resolve();
        });
      });
    });
  }

  /**
   * Sends a submit_sm; false when the session cannot take it (not bound, socket not writable). `late` gets
   * the response if it comes on this connection after `done` was told there would be none.
   */
  submit(fields: Record<string, unknown>, done: ResponseCallback, late?: LateResponseCallback): boolean {
    const session = this.session;
    if (this.state !== 'bound' || !session?.socket.writable) return false;
    this.corkForTick(session);
    const sequence = nextSequence(session);
    const pdu = encodeSubmitSm(sequence, fields);
    if (!pdu) return this.request(newPdu('submit_sm', { ...fields, sequence_number: sequence }), this.settings.requestTimeoutMs, true, done, late);
    session.socket.write(pdu);
    this.requests.add(sequence, this.settings.requestTimeoutMs, true, done, late);
    return true;
  }

  /** Unbinds (bounded wait for unbind_resp) and closes; pending requests fail. */
  async close(timeoutMs: number): Promise<void> {
    const session = this.session;
    if (!session || this.state === 'down') return;
    if (this.state === 'bound') {
      this.state = 'closing';
      await new Promise<void>((resolve) => {
        if (!this.request(newPdu('unbind'), timeoutMs, false, () => resolve())) resolve();
      });
    }
    this.closeReason = 'link stopped';
    await new Promise<void>((resolve) => {
      if (this.state === 'down') return resolve();
      session.once('close', () => resolve());
      session.destroy();
    });
  }

  /** Drops the connection; pending requests fail with `reason` and the link reconnects. */
  drop(reason: string): void {
    if (!this.closeReason) this.closeReason = reason;
    this.session?.destroy();
  }

  /** Writes of one tick leave in one segment (many submits, or many receipt answers, per write). */
  private corkForTick(session: SmppSession): void {
    if (this.corked) return;
    this.corked = true;
    session.socket.cork();
    process.nextTick(() => {
      this.corked = false;
      session.socket.uncork();
    });
  }

  private bindPdu(): SmppPdu {
    const { systemId, password, systemType, role } = this.settings;
    // interface_version 0x34: node-smpp defaults to 0x50, which strict SMPP 3.4 SMSCs refuse.
    return newPdu(`bind_${role}`, { system_id: systemId, password, system_type: systemType, interface_version: 0x34 });
  }

  private request(pdu: SmppPdu, timeoutMs: number, submit: boolean, done: ResponseCallback, late?: LateResponseCallback): boolean {
    const session = this.session;
    if (!session || !session.socket.writable || !session.send(pdu)) return false;
    this.requests.add(pdu.sequence_number, timeoutMs, submit, done, late);
    return true;
  }

  private respond(pdu: SmppPdu): void {
    if (this.session?.socket.writable) this.session.send(pdu);
  }

  private answerDeliverSm(sequence: number, status: number): void {
    const session = this.session;
    if (!session?.socket.writable) return;
    this.corkForTick(session);
    session.socket.write(encodeDeliverSmResp(sequence, status));
  }

  private read(session: SmppSession, reader: PduReader): void {
    for (let chunk: Buffer | null = session.socket.read(); chunk !== null; chunk = session.socket.read()) {
      let pdus: SmppPdu[];
      try {
        pdus = reader.push(chunk);
      } catch (error) {
        session.emit('error', error);
        return;
      }
      for (const pdu of pdus) if (this.session === session) this.onPdu(pdu);
    }
  }

  private onPdu(pdu: SmppPdu): void {
    if (pdu.isResponse()) return this.requests.answer(pdu);
    switch (pdu.command) {
      case 'enquire_link':
        return this.respond(pdu.response());
      case 'unbind':
        this.respond(pdu.response());
        {
          this.closeReason = 'unbound by the SMSC';
          const session = this.session;
          session?.close();
          setTimeout(() => session?.destroy(), 1000).unref();
          return;
        }
      case 'deliver_sm':
        void this.handlers.deliverSm(pdu).then((status) => this.answerDeliverSm(pdu.sequence_number, status));
        return;
      default:
        return this.respond(newPdu('generic_nack', { sequence_number: pdu.sequence_number, command_status: SMPP_STATUS.INVALID_COMMAND_ID }));
    }
  }

  private startTimers(): void {
    const { enquireLinkMs, requestTimeoutMs } = this.settings;
    const sweepMs = Math.max(20, Math.min(1000, requestTimeoutMs / 4));
    this.timers.push(setInterval(() => this.requests.expire(Date.now()), sweepMs));
    this.timers.push(setInterval(() => this.enquireLink(Math.min(enquireLinkMs, requestTimeoutMs)), enquireLinkMs));
  }

  private enquireLink(timeoutMs: number): void {
    if (this.enquirePending || this.state !== 'bound') return;
    this.enquirePending = true;
    this.request(newPdu('enquire_link'), timeoutMs, false, (response) => {
      this.enquirePending = false;
      if (!response) this.drop(`enquire_link unanswered within ${timeoutMs} ms`);
    });
  }

  private onClosed(): void {
    const reason = this.closeReason || 'connection closed by the SMSC';
    this.state = 'down';
    this.enquirePending = false;
    this.timers.forEach(clearInterval);
    this.timers = [];
    this.requests.failAll(`connection dropped (${reason})`);
    this.handlers.down(this, reason);
  }
}

/** The session's next sequence number, from the counter the package numbers its own requests with (1 to 0x7FFFFFFF). */
function nextSequence(session: SmppSession): number {
  session.sequence = session.sequence >= 0x7fffffff ? 1 : session.sequence + 1;
  return session.sequence;
}
