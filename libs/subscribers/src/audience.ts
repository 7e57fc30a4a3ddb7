import type { Carrier } from './carrier';

export interface AudienceQuery {
  /** Current province codes; null or absent = every province. */
  provinces?: string[] | null;
  /** Carriers; absent or empty = all four. */
  carriers?: string[];
}

export type CarrierTotals = Record<Carrier, number>;

export interface ProvinceAudience {
  code: string;
  name: string;
  total: number;
  carriers: CarrierTotals;
}

/** Active, not excluded subscribers of an audience: provinces × carriers minus exclusions. */
export interface AudienceCount {
  total: number;
  carriers: CarrierTotals;
  provinces: ProvinceAudience[];
}
