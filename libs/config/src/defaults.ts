import { readFileSync } from 'node:fs';
import { configFile } from './config-files';

/** Product defaults kept as data in config/defaults.json (no secrets). */
export interface LoaDefaults {
  /** Domains (and their subdomains) a warning may link to; each province's own website is allowed too. */
  allowedLinkDomains: string[];
  maxTemplateSegments: number;
}

let cached: LoaDefaults | undefined;

export function loadDefaults(): LoaDefaults {
  cached ??= JSON.parse(readFileSync(configFile('defaults.json'), 'utf8')) as LoaDefaults;
  return cached;
}
