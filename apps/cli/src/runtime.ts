import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, type LoaEnvironment } from '@loa/config';
import { type DataFolderDatabase, openDataFolderDatabase, runMigrations } from '@loa/database';
import { preflight } from './preflight';

export interface Runtime {
  env: LoaEnvironment;
  databaseUrl: string;
  /** True when this process runs its own embedded PostgreSQL (demo / all-in-one mode). */
  embedded: boolean;
  /** Which database, for a person: the embedded one's folder, or host, port and database name (never the password). */
  database: string;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  migrate: boolean;
  log?: (line: string) => void;
  /** The production processes name themselves here: they refuse to fall back on an embedded database. */
  needsDatabaseUrl?: string;
  /** `loa start`: a live Loa on the same data folder is an error, not a database to work on. */
  exclusive?: boolean;
}

/**
 * Connects to DATABASE_URL; else to the embedded PostgreSQL of LOA_DATA_DIR: the one of the Loa running there,
 * or one started (and stopped at close) by this process. Migrates it if asked.
 */
export async function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  const env = preflight({ needsDatabaseUrl: options.needsDatabaseUrl });
  let embedded: DataFolderDatabase | null = null;
  const embeddedDir = resolve(env.dataDir, 'postgres');
  if (!env.databaseUrl) {
    embedded = await openDataFolderDatabase({
      dataDir: embeddedDir,
      shownAs: env.dataDir,
      command: commandLine(),
      exclusive: options.exclusive === true,
      onNotice: options.log,
    });
  }
  const databaseUrl = env.databaseUrl ?? embedded!.url;
  try {
    if (options.migrate) {
      const applied = await runMigrations(databaseUrl);
      if (applied.length > 0) options.log?.(`applied migrations: ${applied.join(', ')}`);
    }
    embedded?.ready();
  } catch (error) {
    await embedded?.close();
    throw error;
  }
  const database = embedded ? describeEmbedded(embeddedDir, embedded) : describeDatabaseUrl(databaseUrl);
  return { env, databaseUrl, embedded: embedded !== null, database, close: async () => void (await embedded?.close()) };
}

function describeEmbedded(dir: string, embedded: DataFolderDatabase): string {
  const running = embedded.joined ? ` (of the Loa running as pid ${embedded.joined.pid}, \`${embedded.joined.command}\`)` : '';
  return `embedded PostgreSQL in ${dir}${running}`;
}

/** `loa import`, `loa user add`…: the command's words, without its options and their values, for the data folder's owner file. */
function commandLine(): string {
  const words: string[] = [];
  for (const word of process.argv.slice(2)) {
    if (word.startsWith('-') || words.length === 2) break;
    words.push(word);
  }
  return ['loa', ...words].join(' ');
}

/** postgres://loa:secret@db.example:5432/loa -> "PostgreSQL loa@db.example:5432/loa" (no password). */
export function describeDatabaseUrl(url: string): string {
  const parsed = new URL(url);
  const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
  return `PostgreSQL ${user}${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

/** JWT_SECRET, or in all-in-one mode one generated once per data dir and kept there (mode 600). */
export function jwtSecret(env: LoaEnvironment, allowGenerated: boolean): string {
  if (env.jwtSecret) return env.jwtSecret;
  if (!allowGenerated) throw new ConfigError('JWT_SECRET is required outside the all-in-one mode (32+ characters)');
  const dir = resolve(env.dataDir);
  const file = join(dir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
