import { smppStatusName } from './smpp-status';

/** Where a bind went: enough to find the account, never the password. */
export interface BindTarget {
  carrier: string;
  host: string;
  port: number;
  systemId: string;
  bindCommand: string;
}

export class SmppBindError extends Error {
  constructor(
    readonly target: BindTarget,
    /** The SMSC's command_status, or null when the bind never got an answer (connect error, timeout). */
    readonly status: number | null,
    reason: string,
  ) {
    super(`${target.bindCommand} to ${target.carrier} at ${target.host}:${target.port} as system_id "${target.systemId}" failed: ${reason}`);
    this.name = 'SmppBindError';
  }

  static refused(target: BindTarget, status: number): SmppBindError {
    return new SmppBindError(target, status, smppStatusName(status));
  }
}
