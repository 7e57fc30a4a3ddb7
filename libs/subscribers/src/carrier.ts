/** The carriers Loa has contracts with; every other network's subscribers are 'others' (schema CHECK). */
export const CARRIERS = ['viettel', 'vnpt', 'mobifone', 'others'] as const;
export type Carrier = (typeof CARRIERS)[number];

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

export function isCarrier(value: string): value is Carrier {
  return (CARRIERS as readonly string[]).includes(value);
}
