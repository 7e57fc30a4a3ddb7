import { readFileSync } from 'node:fs';

/** True while `pid` runs (a zombie, dead but not yet reaped, does not count). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as a user this process may not signal.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return procStat(pid)?.[0] !== 'Z';
}

/**
 * When the process started, in clock ticks since boot (Linux); null where /proc is not there. Recorded beside
 * a pid, it tells the same process from another that got its pid later.
 */
export function processStartTicks(pid: number): string | null {
  return procStat(pid)?.[19] ?? null;
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces): state first, start time 20th. */
function procStat(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The command line of `pid` (Linux), or null. */
export function processCommandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return null;
  }
}

/** Waits until `pid` has ended, up to `timeoutMs`; true if it did. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}
