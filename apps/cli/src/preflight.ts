import { ConfigError, loadCarriersFile, loadDefaults, loadEnvironment, type LoaEnvironment } from '@loa/config';

/**
 * What a command checks before it loads the modules it runs with (Nest, TypeORM, the API: about 1 s of CPU): the
 * environment and config/defaults.json, DATABASE_URL where the command needs one, the carriers file where it reads
 * one. A mistake is said at once, and nothing has started.
 */
export function preflight(options: { needsDatabaseUrl?: string; readsCarriers?: boolean } = {}): LoaEnvironment {
  const env = loadEnvironment();
  loadDefaults();
  if (options.needsDatabaseUrl && !env.databaseUrl) {
    throw new ConfigError(
      `${options.needsDatabaseUrl} needs DATABASE_URL (postgres://user:password@host:5432/loa); to try Loa on this machine, \`npm start\` runs everything on an embedded database`,
    );
  }
  if (options.readsCarriers) loadCarriersFile(env.carriersFile);
  return env;
}

/** The options `loa dispatcher` and `loa start` (its own dispatcher) share; those left out come from config/defaults.json. */
export interface DispatcherTimings {
  leaseSeconds?: number;
  unmatchedReceiptSeconds?: number;
}

/** The lease and the unmatched-receipt wait to run with: the flags given, else the defaults; the wait must outlast the lease. */
export function dispatcherTimings(flags: DispatcherTimings): Required<DispatcherTimings> {
  const defaults = loadDefaults().dispatcher;
  const leaseSeconds = flags.leaseSeconds ?? defaults.leaseSeconds;
  const unmatchedReceiptSeconds = flags.unmatchedReceiptSeconds ?? defaults.unmatchedReceiptSeconds;
  if (unmatchedReceiptSeconds <= leaseSeconds) {
    // A lost dispatcher's messages must be back in the queue, marked possibly sent, before the receipts of their copies retire.
    const named = (flag: string, key: string, value: number, given: boolean) =>
      given ? `--${flag} (${value})` : `dispatcher.${key} in config/defaults.json (${value})`;
    const wait = named('unmatched-receipt-seconds', 'unmatchedReceiptSeconds', unmatchedReceiptSeconds, flags.unmatchedReceiptSeconds !== undefined);
    const lease = named('lease-seconds', 'leaseSeconds', leaseSeconds, flags.leaseSeconds !== undefined);
    throw new ConfigError(`${wait} must be longer than ${lease}`);
  }
  return { leaseSeconds, unmatchedReceiptSeconds };
}
