import { readFileSync } from 'node:fs';
import { plainToInstance, Type } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsDefined, IsInt, IsString, Matches, Max, Min, ValidateNested, validateSync, type ValidationError } from 'class-validator';
import { ConfigError } from './config-error';
import { configFile } from './config-files';
import { CarrierEntryDefaults, DispatcherDefaults, LinkDefaults } from './tunables.config';

const WALL_CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

class SendWindowDefaults {
  @Matches(WALL_CLOCK, { message: 'sendWindow.start must be HH:MM (00:00–23:59)' }) start: string;
  @Matches(WALL_CLOCK, { message: 'sendWindow.end must be HH:MM (00:00–23:59)' }) end: string;
}

class TestSendDefaults {
  @IsInt() @Min(1) @Max(100) perNumberPerCampaignPerHour: number;
  @IsInt() @Min(1) @Max(10_000) perUserPerDay: number;
}

/** config/defaults.json, validated once when first read: a bad value stops the start with every problem named. */
class DefaultsFile {
  /** Domains (and their subdomains) a warning may link to; each province's own website is allowed too. */
  @IsArray() @ArrayNotEmpty() @IsString({ each: true }) @Matches(DOMAIN, { each: true, message: 'allowedLinkDomains: each must be a lower-case domain name' })
  allowedLinkDomains: string[];
  @IsInt() @Min(1) @Max(255) maxTemplateSegments: number;
  /** The daily send window of a campaign that says none, wall clock Asia/Ho_Chi_Minh ("HH:MM"). */
  @IsDefined() @ValidateNested() @Type(() => SendWindowDefaults) sendWindow: SendWindowDefaults;
  /** Warnings a subscriber may get per calendar day (Asia/Ho_Chi_Minh) across campaigns. */
  @IsInt() @Min(1) @Max(100) dailyCap: number;
  /** Test sends per number per campaign within any hour, and per user per calendar day (Asia/Ho_Chi_Minh). */
  @IsDefined() @ValidateNested() @Type(() => TestSendDefaults) testSends: TestSendDefaults;
  /** Every carrier link: reconnect and throttle backoffs, the drain at stop, late answers. */
  @IsDefined() @ValidateNested() @Type(() => LinkDefaults) link: LinkDefaults;
  /** What a carriers-file entry that leaves these out gets; the entry's own value wins. */
  @IsDefined() @ValidateNested() @Type(() => CarrierEntryDefaults) carriers: CarrierEntryDefaults;
  /** The dispatcher: claims, leases, retries, receipts, sweeps and shutdown. */
  @IsDefined() @ValidateNested() @Type(() => DispatcherDefaults) dispatcher: DispatcherDefaults;
}

/** Product defaults kept as data in config/defaults.json (no secrets). */
export type LoaDefaults = Readonly<DefaultsFile>;

let cached: LoaDefaults | undefined;

export function loadDefaults(): LoaDefaults {
  cached ??= parseDefaults(readFileSync(configFile('defaults.json'), 'utf8'), configFile('defaults.json'));
  return cached;
}

/** The defaults of `text` (the JSON of `source`), or a ConfigError naming every bad or missing value. */
export function parseDefaults(text: string, source: string): LoaDefaults {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${source}: not JSON (${(error as Error).message})`);
  }
  const defaults = plainToInstance(DefaultsFile, raw);
  const problems = validateSync(defaults, { forbidUnknownValues: true, whitelist: true, forbidNonWhitelisted: true }).flatMap((error) => messages(error));
  if (problems.length > 0) throw new ConfigError(`invalid ${source}:\n` + problems.map((line) => '  ' + line).join('\n'));
  return defaults;
}

function messages(error: ValidationError, path = ''): string[] {
  const at = path ? `${path}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => (message.startsWith(at) ? message : `${at}: ${message}`));
  return [...own, ...(error.children ?? []).flatMap((child) => messages(child, at))];
}
