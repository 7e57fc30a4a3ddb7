/**
 * The carrier networks Loa knows, one definition for the whole project: subscribers (schema CHECK),
 * carrier accounts in the carriers file, campaign targets and API enums. 'others' holds every other
 * network's subscribers (Vietnamobile, Gmobile, MVNOs), sent through an 'others' account when one exists.
 */
export const CARRIERS = ['viettel', 'vnpt', 'mobifone', 'others'] as const;
export type Carrier = (typeof CARRIERS)[number];

export function isCarrier(value: string): value is Carrier {
  return (CARRIERS as readonly string[]).includes(value);
}
