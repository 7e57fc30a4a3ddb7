import { type Carrier } from '@loa/common';

export { type Carrier, CARRIERS, isCarrier } from '@loa/common';

/** Names a carrier's list may use; VinaPhone is VNPT's mobile network. Anything else is refused. */
const CARRIER_NAMES: Record<string, Carrier> = {
  viettel: 'viettel',
  vnpt: 'vnpt',
  vinaphone: 'vnpt',
  mobifone: 'mobifone',
};

/** The carrier a list names (case-insensitive), or null when it names none we know. */
export function parseCarrierName(input: string): Carrier | null {
  return CARRIER_NAMES[input.trim().toLowerCase()] ?? null;
}
