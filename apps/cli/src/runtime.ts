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
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL under LOA_DATA_DIR, and migrates it. */
export async function openRuntime(options: { migrate: boolean; log?: (line: string) => void }): Promise<Runtime> {
  const env = loadEnvironment();
  let embedded: EmbeddedDatabase | null = null;
  if (!env.databaseUrl) {
    embedded = await startEmbeddedDatabase({ dataDir: join(env.dataDir, 'postgres'), persistent: true });
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
  return { env, databaseUrl, embedded: embedded !== null, close: async () => void (await embedded?.stop()) };
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
