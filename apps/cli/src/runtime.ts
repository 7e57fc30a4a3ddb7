import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, type LoaEnvironment, loadEnvironment } from '@loa/config';
import { type EmbeddedDatabase, runMigrations, startEmbeddedDatabase } from '@loa/database';

export interface Runtime {
  env: LoaEnvironment;
  databaseUrl: string;
  /** True when this process runs its own embedded PostgreSQL (demo / all-in-one mode). */
  embedded: boolean;
  /** Which database, for a person: the embedded one's folder, or host, port and database name (never the password). */
  database: string;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL under LOA_DATA_DIR, and migrates it.
 * `command` with `needsDatabaseUrl` (the production processes) refuses to fall back on an embedded database.
 */
export async function openRuntime(options: { migrate: boolean; log?: (line: string) => void; needsDatabaseUrl?: string }): Promise<Runtime> {
  const env = loadEnvironment();
  if (options.needsDatabaseUrl && !env.databaseUrl) {
    throw new ConfigError(
      `${options.needsDatabaseUrl} needs DATABASE_URL (postgres://user:password@host:5432/loa); to try Loa on this machine, \`npm start\` runs everything on an embedded database`,
    );
  }
  let embedded: EmbeddedDatabase | null = null;
  const embeddedDir = resolve(env.dataDir, 'postgres');
  if (!env.databaseUrl) {
    embedded = await startEmbeddedDatabase({ dataDir: embeddedDir, persistent: true, detached: true });
  }
  const databaseUrl = env.databaseUrl ?? embedded!.url;
  try {
    if (options.migrate) {
      const applied = await runMigrations(databaseUrl);
      if (applied.length > 0) options.log?.(`applied migrations: ${applied.join(', ')}`);
    }
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const database = embedded ? `embedded PostgreSQL in ${embeddedDir}` : describeDatabaseUrl(databaseUrl);
  return { env, databaseUrl, embedded: embedded !== null, database, close: async () => void (await embedded?.stop()) };
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
