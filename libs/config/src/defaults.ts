import { readFileSync } from 'node:fs';
import { configFile } from './config-files';

/** Product defaults kept as data in config/defaults.json (no secrets). */
export interface LoaDefaults {
  /** Domains (and their subdomains) a warning may link to; each province's own website is allowed too. */
  allowedLinkDomains: string[];
  maxTemplateSegments: number;
  /** The daily send window of a campaign that says none, wall clock Asia/Ho_Chi_Minh ("HH:MM"). */
  sendWindow: { start: string; end: string };
  /** Warnings a subscriber may get per calendar day (Asia/Ho_Chi_Minh) across campaigns. */
  dailyCap: number;
  /** Test sends per number per campaign within any hour, and per user per calendar day (Asia/Ho_Chi_Minh). */
  testSends: { perNumberPerCampaignPerHour: number; perUserPerDay: number };
}

let cached: LoaDefaults | undefined;

export function loadDefaults(): LoaDefaults {
  cached ??= JSON.parse(readFileSync(configFile('defaults.json'), 'utf8')) as LoaDefaults;
  return cached;
}
