import { readFileSync } from 'node:fs';
import { configFile } from '@loa/config';
import type { ProvinceKind } from './province';

export interface ProvinceEntry {
  code: string;
  name: string;
  shortName: string;
  slug: string;
  kind: ProvinceKind;
  aliases: string[];
  policeHotlines: string[];
  website: string | null;
  zalo?: string | null;
  fanpage?: string | null;
  vneid?: string | null;
}

export interface LegacyProvinceEntry {
  code: string;
  name: string;
  shortName: string;
  slug: string;
  mergedInto: string;
  aliases: string[];
}

export interface ProvincesConfig {
  provinces: ProvinceEntry[];
  legacyProvinces: LegacyProvinceEntry[];
}

let cached: ProvincesConfig | undefined;

/** config/provinces.json, read once per process (34 current + 63 legacy units, ~30 kB). */
export function loadProvincesConfig(): ProvincesConfig {
  cached ??= JSON.parse(readFileSync(configFile('provinces.json'), 'utf8')) as ProvincesConfig;
  return cached;
}
