import { readFileSync } from 'node:fs';
import { configFile } from '@loa/config';
import type { Carrier } from './carrier';

interface PrefixesFile {
  carriers: { id: string; loaCarrier: Carrier; prefixes: string[] }[];
  legacy11DigitMap: Record<string, string>;
}

export interface PrefixTable {
  /** National significant number prefix without the 0 ("96", "522") -> carrier. */
  carrierByPrefix: Map<string, Carrier>;
  /** Pre-2018 prefix without the 0 ("162") -> its 10-digit replacement without the 0 ("32"). */
  legacyPrefixes: Map<string, string>;
}

let cached: PrefixTable | undefined;

/** config/prefixes.json, read once. Only confirmed `prefixes` count as mobile; uncertain ones are refused. */
export function prefixTable(): PrefixTable {
  if (cached) return cached;
  const file = JSON.parse(readFileSync(configFile('prefixes.json'), 'utf8')) as PrefixesFile;
  const carrierByPrefix = new Map<string, Carrier>();
  for (const carrier of file.carriers) {
    for (const prefix of carrier.prefixes) carrierByPrefix.set(prefix.slice(1), carrier.loaCarrier);
  }
  const legacyPrefixes = new Map<string, string>();
  for (const [from, to] of Object.entries(file.legacy11DigitMap)) {
    if (/^0\d+$/.test(from)) legacyPrefixes.set(from.slice(1), to.slice(1));
  }
  cached = { carrierByPrefix, legacyPrefixes };
  return cached;
}
