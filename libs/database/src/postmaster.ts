import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedDatabaseError } from './embedded-database.exception';
import { isProcessAlive, processCommandLine, waitForExit } from './processes';

export interface PostmasterLock {
  pid: number;
  port: number;
  /** starting, ready or stopping (PostgreSQL 10 and later write it on the lock file's eighth line). */
  status: string;
}

/** A fast shutdown (SIGINT) ends every session and checkpoints; on a busy all-in-one it takes a second or two. */
const FAST_SHUTDOWN_MS = 30_000;
const IMMEDIATE_SHUTDOWN_MS = 10_000;

/** What the cluster's postmaster.pid says (pid, port, status), or null when there is none. */
export function readPostmasterLock(clusterDir: string): PostmasterLock | null {
  let lines: string[];
  try {
    lines = readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, port: Number(lines[3]), status: (lines[7] ?? '').trim() };
}

/**
 * Stops a postmaster that still runs on `clusterDir` though nothing owns it any more (its Loa was killed, and
 * its watchdog too): a fast shutdown, then an immediate one. A lock file naming a live process that is not
 * this folder's PostgreSQL (a pid reused after a reboot) is removed, as PostgreSQL would refuse to start past it.
 * The caller has made sure that no live Loa owns the folder.
 */
export async function stopLeftoverPostmaster(clusterDir: string, log: (line: string) => void): Promise<void> {
  const lock = readPostmasterLock(clusterDir);
  if (!lock || !isProcessAlive(lock.pid)) return;
  const commandLine = processCommandLine(lock.pid);
  // The postmaster's command line names its folder (`postgres -D <clusterDir>`); another one is not ours to stop.
  if (commandLine !== null && !(/postgres/.test(commandLine) && commandLine.includes(clusterDir))) {
    log(`removing ${join(clusterDir, 'postmaster.pid')}: its pid ${lock.pid} is now "${commandLine}", not this folder's PostgreSQL`);
    rmSync(join(clusterDir, 'postmaster.pid'), { force: true });
    return;
  }
  log(`stopping the PostgreSQL (pid ${lock.pid}) left running in ${clusterDir} by a Loa that is gone`);
  if (await signalAndWait(lock.pid, 'SIGINT', FAST_SHUTDOWN_MS)) return;
  if (await signalAndWait(lock.pid, 'SIGQUIT', IMMEDIATE_SHUTDOWN_MS)) return;
  throw new EmbeddedDatabaseError(
    `the PostgreSQL left running in ${clusterDir} (pid ${lock.pid}) does not stop: stop it (kill -9 ${lock.pid}), then start Loa again`,
  );
}

async function signalAndWait(pid: number, signal: NodeJS.Signals, timeoutMs: number): Promise<boolean> {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
    throw new EmbeddedDatabaseError(
      `cannot stop the PostgreSQL left running (pid ${pid}): ${(error as Error).message}; stop it as its owner (kill ${pid}), then start Loa again`,
    );
  }
  return waitForExit(pid, timeoutMs);
}

/** True when the cluster has a lock file naming a live postmaster. */
export function isPostmasterRunning(clusterDir: string): boolean {
  const lock = existsSync(join(clusterDir, 'postmaster.pid')) ? readPostmasterLock(clusterDir) : null;
  return lock !== null && isProcessAlive(lock.pid);
}
