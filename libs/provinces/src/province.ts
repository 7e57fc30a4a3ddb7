export type ProvinceKind = 'city' | 'province';

/** A provincial-level unit in force since 2025-07-01 (Resolution 202/2025/QH15). */
export interface Province {
  code: string;
  name: string;
  shortName: string;
  slug: string;
  kind: ProvinceKind;
  policeHotlines: string[];
  website: string | null;
  /** Calls to action beyond the hotline, as printed in messages; null when none is on record. */
  zalo: string | null;
  fanpage: string | null;
  vneid: string | null;
}

/** The contact fields an admin edits (PATCH /provinces/:code) and config/provinces.json seeds. */
export const PROVINCE_CONTACT_FIELDS = ['website', 'zalo', 'fanpage', 'vneid'] as const;
export type ProvinceContactField = (typeof PROVINCE_CONTACT_FIELDS)[number];

/** One of the 63 units before the 2025 merger, and the current unit it became part of. */
export interface LegacyProvince {
  code: string;
  name: string;
  shortName: string;
  mergedInto: string;
}

/** What a user's input named: the current province, and the legacy unit when the input named one. */
export interface ProvinceResolution {
  province: Province;
  mappedFrom?: { code: string; name: string };
}
