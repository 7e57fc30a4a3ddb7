/** What a non-zero command_status means for the message and the link. */
export type SmppStatusAction = 'retry' | 'pause-link' | 'permanent';

interface StatusEntry {
  name: string;
  action: SmppStatusAction;
}

// SMPP 3.4 §5.1.3. Like jasmin's error table: each status says whether to pause the whole link (the SMSC
// is overloaded: resending at once would flood it), retry later without counting an attempt (the SMSC
// failed, not the message), or fail the message for good.
const TABLE: Record<number, StatusEntry> = {
  0x00: { name: 'ESME_ROK', action: 'permanent' },
  0x01: { name: 'ESME_RINVMSGLEN', action: 'permanent' },
  0x02: { name: 'ESME_RINVCMDLEN', action: 'permanent' },
  0x03: { name: 'ESME_RINVCMDID', action: 'permanent' },
  0x04: { name: 'ESME_RINVBNDSTS', action: 'retry' },
  0x05: { name: 'ESME_RALYBND', action: 'retry' },
  0x06: { name: 'ESME_RINVPRTFLG', action: 'permanent' },
  0x07: { name: 'ESME_RINVREGDLVFLG', action: 'permanent' },
  0x08: { name: 'ESME_RSYSERR', action: 'retry' },
  0x0a: { name: 'ESME_RINVSRCADR', action: 'permanent' },
  0x0b: { name: 'ESME_RINVDSTADR', action: 'permanent' },
  0x0c: { name: 'ESME_RINVMSGID', action: 'permanent' },
  0x0d: { name: 'ESME_RBINDFAIL', action: 'permanent' },
  0x0e: { name: 'ESME_RINVPASWD', action: 'permanent' },
  0x0f: { name: 'ESME_RINVSYSID', action: 'permanent' },
  0x11: { name: 'ESME_RCANCELFAIL', action: 'permanent' },
  0x13: { name: 'ESME_RREPLACEFAIL', action: 'permanent' },
  0x14: { name: 'ESME_RMSGQFUL', action: 'pause-link' },
  0x15: { name: 'ESME_RINVSERTYP', action: 'permanent' },
  0x33: { name: 'ESME_RINVNUMDESTS', action: 'permanent' },
  0x34: { name: 'ESME_RINVDLNAME', action: 'permanent' },
  0x40: { name: 'ESME_RINVDESTFLAG', action: 'permanent' },
  0x42: { name: 'ESME_RINVSUBREP', action: 'permanent' },
  0x43: { name: 'ESME_RINVESMCLASS', action: 'permanent' },
  0x44: { name: 'ESME_RCNTSUBDL', action: 'permanent' },
  0x45: { name: 'ESME_RSUBMITFAIL', action: 'retry' },
  0x48: { name: 'ESME_RINVSRCTON', action: 'permanent' },
  0x49: { name: 'ESME_RINVSRCNPI', action: 'permanent' },
  0x50: { name: 'ESME_RINVDSTTON', action: 'permanent' },
  0x51: { name: 'ESME_RINVDSTNPI', action: 'permanent' },
  0x53: { name: 'ESME_RINVSYSTYP', action: 'permanent' },
  0x54: { name: 'ESME_RINVREPFLAG', action: 'permanent' },
  0x55: { name: 'ESME_RINVNUMMSGS', action: 'permanent' },
  0x58: { name: 'ESME_RTHROTTLED', action: 'pause-link' },
  0x61: { name: 'ESME_RINVSCHED', action: 'permanent' },
  0x62: { name: 'ESME_RINVEXPIRY', action: 'permanent' },
  0x63: { name: 'ESME_RINVDFTMSGID', action: 'permanent' },
  0x64: { name: 'ESME_RX_T_APPN', action: 'retry' },
  0x65: { name: 'ESME_RX_P_APPN', action: 'permanent' },
  0x66: { name: 'ESME_RX_R_APPN', action: 'permanent' },
  0x67: { name: 'ESME_RQUERYFAIL', action: 'permanent' },
  0xc0: { name: 'ESME_RINVOPTPARSTREAM', action: 'permanent' },
  0xc1: { name: 'ESME_ROPTPARNOTALLWD', action: 'permanent' },
  0xc2: { name: 'ESME_RINVPARLEN', action: 'permanent' },
  0xc3: { name: 'ESME_RMISSINGOPTPARAM', action: 'permanent' },
  0xc4: { name: 'ESME_RINVOPTPARAMVAL', action: 'permanent' },
  0xfe: { name: 'ESME_RDELIVERYFAILURE', action: 'permanent' },
  0xff: { name: 'ESME_RUNKNOWNERR', action: 'retry' },
};

export const SMPP_STATUS = {
  OK: 0x00,
  INVALID_COMMAND_ID: 0x03,
  INVALID_BIND_STATUS: 0x04,
  INVALID_DESTINATION: 0x0b,
  INVALID_PASSWORD: 0x0e,
  INVALID_SYSTEM_ID: 0x0f,
  QUEUE_FULL: 0x14,
  THROTTLED: 0x58,
  TEMPORARY_APP_ERROR: 0x64,
} as const;

/** 'ESME_RINVDSTADR (0x0000000B)'; vendor statuses without a name show the hex only. */
export function smppStatusName(status: number): string {
  const hex = `0x${status.toString(16).toUpperCase().padStart(8, '0')}`;
  const entry = TABLE[status];
  return entry ? `${entry.name} (${hex})` : hex;
}

// Unknown (vendor, 0x400-0x4FF) statuses fail the message: a retry without counting an attempt could loop
// for ever on a status that never clears.
export function classifySmppStatus(status: number): SmppStatusAction {
  return TABLE[status]?.action ?? 'permanent';
}
