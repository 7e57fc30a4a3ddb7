import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type DataFolderOwner, DataFolderClaim, liveDataFolderOwner } from './data-folder-owner';
import { embeddedClusterDir, embeddedDatabaseUrl, startEmbeddedDatabase } from './embedded-database';
import { EmbeddedDatabaseError } from './embedded-database.exception';
import { isPostmasterRunning } from './postmaster';

export interface DataFolderDatabaseOptions {
  /** The folder of the embedded PostgreSQL (LOA_DATA_DIR/postgres). */
  dataDir: string;
  /** The data folder as the person named it (LOA_DATA_DIR), for messages. */
  shownAs: string;
  /** What this process runs, recorded for the others: `loa start`, `loa import`… */
  command: string;
  /** Refuse a folder that another live Loa uses (`loa start`), rather than working on its database. */
  exclusive: boolean;
  /** What Loa did to the folder (a leftover PostgreSQL stopped), for the process's log. */
  onNotice?: (line: string) => void;
}

export interface DataFolderDatabase {
  url: string;
  /** The running Loa whose PostgreSQL this process works on, or null when it started its own. */
  joined: DataFolderOwner | null;
  /** Tells other commands that the database is up and migrated, and where (when this process started it). */
  ready(): void;
  close(): Promise<void>;
}

/** A Loa starting on the folder has its database up and migrated in seconds; a minute means something is wrong. */
const WAIT_FOR_OWNER_MS = 60_000;

/**
 * The embedded PostgreSQL of a data folder: the one a running Loa has started there (unless `exclusive`: then a
 * live Loa on the folder is an error), else one this process starts, owns and stops.
 */
export async function openDataFolderDatabase(options: DataFolderDatabaseOptions): Promise<DataFolderDatabase> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const waitUntil = Date.now() + WAIT_FOR_OWNER_MS;
  for (;;) {
    const owner = liveDataFolderOwner(dataDir);
    if (owner === null) {
      const claim = DataFolderClaim.take(dataDir, options.command);
      if (claim) return startOwn(dataDir, claim, options);
      continue; // another process took the folder at this very moment: it is the owner now
    }
    const who = `another Loa (pid ${owner.pid}, \`${owner.command}\`)`;
    if (options.exclusive) {
      throw new EmbeddedDatabaseError(`${who} is already running on ${options.shownAs}: stop it first, or set LOA_DATA_DIR to another folder`);
    }
    if (owner.port !== undefined && isPostmasterRunning(embeddedClusterDir(dataDir))) return joined(dataDir, owner);
    if (Date.now() > waitUntil) {
      throw new EmbeddedDatabaseError(
        `${who} on ${options.shownAs} has not opened its database after ${WAIT_FOR_OWNER_MS / 1000} s: wait for it, or stop it and try again`,
      );
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
}

function joined(dataDir: string, owner: DataFolderOwner): DataFolderDatabase {
  return { url: embeddedDatabaseUrl(dataDir, owner.port!), joined: owner, ready: () => undefined, close: async () => undefined };
}

async function startOwn(dataDir: string, claim: DataFolderClaim, options: DataFolderDatabaseOptions): Promise<DataFolderDatabase> {
  try {
    // Detached: Ctrl-C in a terminal signals the whole foreground group, and Loa stops PostgreSQL last, itself.
    const database = await startEmbeddedDatabase({ dataDir, persistent: true, detached: true, onNotice: options.onNotice });
    return {
      url: database.url,
      joined: null,
      ready: () => claim.update({ port: database.port, postmasterPid: database.postmasterPid, watchdogPid: database.watchdogPid }),
      close: async () => {
        await database.stop();
        claim.release();
      },
    };
  } catch (error) {
    claim.release();
    throw error;
  }
}
