import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * Polls once a second; when the process that started PostgreSQL is gone (kill -9, the OOM killer), asks the
 * postmaster for a fast shutdown, and for an immediate one if that takes over 30 s. It ends by itself when the
 * postmaster is gone or the lock file names another one, so it never signals a pid reused by another process.
 */
const SCRIPT = `
alive() { kill -0 "$1" 2>/dev/null && ! grep -qs '^State:[[:space:]]*Z' "/proc/$1/status"; }
ours() { [ "$(head -n 1 "$LOA_PG_LOCK" 2>/dev/null)" = "$LOA_PG_PID" ] && alive "$LOA_PG_PID"; }
while alive "$LOA_OWNER_PID" && ours; do sleep 1; done
ours || exit 0
kill -INT "$LOA_PG_PID"
waited=0
while ours && [ "$waited" -lt 30 ]; do sleep 1; waited=$((waited + 1)); done
ours && kill -QUIT "$LOA_PG_PID"
exit 0
`;

export interface PostgresWatchdog {
  pid: number;
  stop(): void;
}

/**
 * A tiny shell process in a session of its own (so that a kill of this process's whole group spares it), which
 * stops the postmaster of `clusterDir` once this process has died. Nothing else can: PostgreSQL runs in a group
 * of its own, and Node has no way to ask the kernel to signal a child when its parent dies.
 */
export function startPostgresWatchdog(clusterDir: string, postmasterPid: number): PostgresWatchdog | null {
  if (process.platform === 'win32') return null;
  const child = spawn('/bin/sh', ['-c', SCRIPT, 'loa-postgres-watchdog'], {
    detached: true,
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      LOA_OWNER_PID: String(process.pid),
      LOA_PG_PID: String(postmasterPid),
      LOA_PG_LOCK: join(clusterDir, 'postmaster.pid'),
    },
  });
  child.on('error', () => undefined);
  child.unref();
  return { pid: child.pid ?? 0, stop: () => void (child.exitCode === null && child.signalCode === null && child.kill('SIGTERM')) };
}
