import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { assertValidUser, AuthModule, AuthService } from '@loa/auth';
import { loadCarriersFile, loadEnvironment } from '@loa/config';
import { DatabaseModule } from '@loa/database';
import { invalid } from '@loa/common';
import { ProvinceDirectory } from '@loa/provinces';
import { openRuntime } from '../runtime';

/** Runs `work` with a Nest context holding the database and auth (for admin commands). */
export async function withAuthContext<T>(work: (db: DataSource, auth: AuthService) => Promise<T>): Promise<T> {
  const runtime = await openRuntime({ migrate: true });
  // Said before anything is written: a forgotten DATABASE_URL shows at once.
  process.stdout.write(`database: ${runtime.database}\n`);
  @Module({ imports: [DatabaseModule.forRoot({ url: runtime.databaseUrl, poolSize: 2 }), AuthModule.forRoot({ jwtSecret: 'unused-by-admin-commands' })] })
  class AdminModule {}
  const context = await NestFactory.createApplicationContext(AdminModule, { logger: ['error'] });
  try {
    return await work(context.get(DataSource), context.get(AuthService));
  } finally {
    await context.close();
    await runtime.close();
  }
}

/** `loa user add`: the password comes on standard input, never as an argument (it would show in `ps`). */
export async function runUserAdd(username: string, options: { role: string; provinces?: string }): Promise<void> {
  // Every argument and the password are checked before the database starts.
  await assertValidUser(username, options.role, undefined);
  const scope = options.provinces === undefined ? null : parseProvinceScope(options.provinces, new ProvinceDirectory());
  const password = await readStdin();
  if (password === '') throw invalid(`no password on standard input: echo 'the-password' | loa user add ${username} --role ${options.role}`);
  await assertValidUser(username, options.role, password);
  const user = await withAuthContext((_, auth) => auth.addUser(username, password, options.role, scope));
  process.stdout.write(`user ${user.username} (${user.role}, ${user.provinceScope ? 'provinces ' + user.provinceScope.join(',') : 'national'}) saved\n`);
}

/** `--provinces 14,Cần Thơ,legacy:93` -> current codes; an unknown one is refused before anything is saved. */
export function parseProvinceScope(list: string, directory: ProvinceDirectory): string[] {
  const entries = list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw invalid('--provinces: give at least one province, or leave the option out for national scope');
  const codes = entries.map((entry) => {
    const found = directory.tryResolve(entry);
    if (!found) throw invalid(`--provinces: unknown province "${entry}" (use a current code, a name, or a legacy code as "legacy:NN")`);
    return found.province.code;
  });
  return [...new Set(codes)];
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

/** `loa config check`: validates the environment and the carriers file without connecting to anything. */
export function runConfigCheck(): void {
  const env = loadEnvironment();
  const carriers = loadCarriersFile(env.carriersFile);
  process.stdout.write(`environment ok; ${env.carriersFile}: ${carriers.length} carrier accounts ok\n`);
  for (const carrier of carriers) {
    process.stdout.write(
      `  ${carrier.id}: ${carrier.host}:${carrier.port} as ${carrier.systemId}, ${carrier.binds} × ${carrier.bindMode}, ${carrier.tps} tps${carrier.simulated ? ' (simulated)' : ''}\n`,
    );
  }
}
