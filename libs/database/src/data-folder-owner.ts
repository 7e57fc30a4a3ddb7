import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive, processStartTicks } from './processes';

/** Who runs the embedded PostgreSQL of a data folder: written when a Loa starts it, removed when it stops it. */
export interface DataFolderOwner {
  pid: number;
  /** What it runs, for a person: `loa start`, `loa import`… */
  command: string;
  startedAt: string;
  /** The process's start in clock ticks since boot (Linux): tells it from a later process with the same pid. */
  processStart: string | null;
  /** Set once its PostgreSQL is up and migrated: where other commands on the folder connect. */
  port?: number;
  postmasterPid?: number;
  watchdogPid?: number;
}

const OWNER_FILE = 'loa-owner.json';

export function readDataFolderOwner(dataDir: string): DataFolderOwner | null {
  try {
    const owner = JSON.parse(readFileSync(join(dataDir, OWNER_FILE), 'utf8')) as DataFolderOwner;
    return Number.isInteger(owner.pid) ? owner : null;
  } catch {
    return null;
  }
}

/** The owner recorded in the folder, if that very process still runs (not one that got its pid later). */
export function liveDataFolderOwner(dataDir: string): DataFolderOwner | null {
  const owner = readDataFolderOwner(dataDir);
  if (!owner || owner.pid === process.pid || !isProcessAlive(owner.pid)) return null;
  const started = processStartTicks(owner.pid);
  if (started !== null && owner.processStart !== null && started !== owner.processStart) return null;
  return owner;
}

/** Records this process as the folder's owner; `update` adds what others need once the database is up. */
export class DataFolderClaim {
  private constructor(
    private readonly dataDir: string,
    private readonly owner: DataFolderOwner,
  ) {}

  /**
   * Takes the folder, replacing the record of an owner that is gone; null when another live process holds it
   * (or took it at the same moment). The record is created exclusively (O_EXCL), so of two starts racing for a
   * folder one wins.
   */
  static take(dataDir: string, command: string): DataFolderClaim | null {
    const owner: DataFolderOwner = { pid: process.pid, command, startedAt: new Date().toISOString(), processStart: processStartTicks(process.pid) };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(join(dataDir, OWNER_FILE), JSON.stringify(owner) + '\n', { mode: 0o600, flag: 'wx' });
        return new DataFolderClaim(dataDir, owner);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (liveDataFolderOwner(dataDir) !== null) return null;
        rmSync(join(dataDir, OWNER_FILE), { force: true });
      }
    }
    return null;
  }

  /** False when another process has written its own record since (it raced this one and won). */
  holds(): boolean {
    return readDataFolderOwner(this.dataDir)?.pid === process.pid;
  }

  update(fields: Pick<DataFolderOwner, 'port' | 'postmasterPid' | 'watchdogPid'>): void {
    Object.assign(this.owner, fields);
    writeFileSync(join(this.dataDir, OWNER_FILE), JSON.stringify(this.owner) + '\n', { mode: 0o600 });
  }

  /** Removes the record, unless another process has written its own since. */
  release(): void {
    if (this.holds()) rmSync(join(this.dataDir, OWNER_FILE), { force: true });
  }
}
