import { readdirSync, readFileSync } from 'node:fs';

// The machine is shared with other work, so rates in messages/s are noisy: CPU-seconds per message of the
// dispatcher and of PostgreSQL are what the campaign benchmarks compare from one change to the next.

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) this process has used. */
export function processCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * CPU seconds the PostgreSQL server behind `db` has used: its postmaster, the children it reaped (closed
 * connections, autovacuum workers) and the children still running. Null when the server is not on this
 * machine or /proc cannot be read.
 */
export async function postgresCpuSeconds(db: { query(sql: string): Promise<{ pid: number }[]> }): Promise<number | null> {
  try {
    const [{ pid }] = await db.query('SELECT pg_backend_pid() AS pid');
    const postmaster = procStat(pid)?.ppid;
    if (!postmaster) return null;
    const parent = procStat(postmaster);
    if (!parent) return null;
    let ticks = parent.utime + parent.stime + parent.cutime + parent.cstime;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const child = procStat(Number(entry));
      if (child?.ppid === postmaster) ticks += child.utime + child.stime;
    }
    return ticks / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) another process of this machine has used so far; null once it is gone. */
export function childCpuSeconds(pid: number | undefined): number | null {
  const stat = pid === undefined ? null : procStat(pid);
  return stat === null ? null : (stat.utime + stat.stime) / TICKS_PER_SECOND;
}

/** The most memory another process of this machine has held at once (VmHWM), in MB; null once it is gone. */
export function childPeakRssMb(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
    return kilobytes === undefined ? null : Math.round(Number(kilobytes) / 1024);
  } catch {
    return null;
  }
}

function procStat(pid: number): { ppid: number; utime: number; stime: number; cutime: number; cstime: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields are counted after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), utime: Number(fields[11]), stime: Number(fields[12]), cutime: Number(fields[13]), cstime: Number(fields[14]) };
  } catch {
    return null;
  }
}
