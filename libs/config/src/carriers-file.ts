import { readFileSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { parse as parseYaml } from 'yaml';
import { type SmppAccountConfig } from '@loa/smpp';
import { CarrierAccountConfig, CarriersFile, type TemplateRegistrationMode } from './carrier-account.config';
import { ConfigError } from './config-error';
import { loadDefaults } from './defaults';

export interface BrandnameCertificate {
  number: string;
  /** Calendar days of Asia/Ho_Chi_Minh, both included (YYYY-MM-DD). */
  validFrom: string;
  validTo: string;
}

export interface CarrierAccount extends SmppAccountConfig {
  simulated: boolean;
  simulatorProfile: string;
  /** Absent: none (accounts built by hand in tests). */
  templateRegistration?: TemplateRegistrationMode;
  /** The brandname (= sourceAddr); loadCarriersFile always sets it, accounts built by hand may leave it to sourceAddr. */
  brandname?: string;
  certificate?: BrandnameCertificate;
}

/**
 * Reads and validates the carriers file; one error lists every bad field as `file: carriers[i] (id).field`.
 * Passwords are resolved from `passwordEnv` here and never appear in an error.
 */
export function loadCarriersFile(path: string, env: NodeJS.ProcessEnv = process.env): CarrierAccount[] {
  let raw: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    raw = path.endsWith('.yaml') || path.endsWith('.yml') ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: cannot read carriers config (${oneLine((error as Error).message)}); fix the file or point CARRIERS_FILE at another`);
  }
  const file = plainToInstance(CarriersFile, withEntryDefaults(raw));
  const errors = validateSync(file, { whitelist: true, forbidNonWhitelisted: true });
  // One line, every bad field in it: what a terminal, a unit's status or a log collector shows whole.
  if (errors.length > 0) throw new ConfigError(`${path}: invalid carriers config: ${describe(errors, file).join('; ')}`);
  return file.carriers.map((entry, index) => toAccount(entry, `${path}: carriers[${index}] (${entry.id})`, env));
}

/** Each entry starts from config/defaults.json "carriers"; what the entry gives itself wins. */
function withEntryDefaults(raw: unknown): unknown {
  if (!isRecord(raw) || !Array.isArray(raw.carriers)) return raw;
  const defaults = loadDefaults().carriers;
  return { ...raw, carriers: raw.carriers.map((entry: unknown) => (isRecord(entry) ? { ...defaults, ...entry } : entry)) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toAccount(entry: CarrierAccountConfig, where: string, env: NodeJS.ProcessEnv): CarrierAccount {
  const password = entry.passwordEnv !== undefined ? env[entry.passwordEnv] : entry.password;
  if (!password) throw new ConfigError(`${where}.passwordEnv: environment variable ${entry.passwordEnv} is not set`);
  const { passwordEnv: _, ...rest } = entry;
  const brandname = entry.brandname ?? entry.sourceAddr;
  if (entry.brandname !== undefined && entry.sourceAddr !== undefined && entry.brandname !== entry.sourceAddr) {
    throw new ConfigError(`${where}.brandname: "${entry.brandname}" differs from sourceAddr "${entry.sourceAddr}"; they name the same brandname, give one`);
  }
  if (entry.certificate && entry.certificate.validTo < entry.certificate.validFrom) {
    throw new ConfigError(`${where}.certificate.validTo: ${entry.certificate.validTo} is before validFrom ${entry.certificate.validFrom}`);
  }
  return { ...rest, sourceAddr: brandname, brandname, password, simulatorProfile: entry.simulatorProfile ?? entry.id };
}

function describe(errors: ValidationError[], file: CarriersFile, parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const label = path.replace(/^carriers\.(\d+)/, (_, index) => `carriers[${index}] (${file.carriers?.[Number(index)]?.id ?? '?'})`);
    const own = Object.entries(error.constraints ?? {})
      .filter(() => error.property !== 'password')
      .map(([, message]) => `${label}: ${message}`);
    const passwordProblem = error.property === 'password' && error.constraints ? [`${label}: must be 1-8 characters (value hidden), or use passwordEnv`] : [];
    return [...own, ...passwordProblem, ...describe(error.children ?? [], file, path)];
  });
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
