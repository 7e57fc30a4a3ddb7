import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { assertBuilt } from './loa-process';

const run = promisify(execFile);
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; bin: Record<string, string> };

/** `npx loa …` as a new user types it after npm ci (npm ci's prepare step builds). */
async function npxLoa(...args: string[]): Promise<string> {
  const { stdout } = await run('npx', ['--no-install', 'loa', ...args], { env: { ...process.env, NODE_OPTIONS: '' } });
  return stdout;
}

describe("a new user's first commands", () => {
  beforeAll(assertBuilt);

  it('npx loa --version prints the version of package.json', async () => {
    expect(packageJson.bin.loa).toBe('dist/apps/cli/src/main.js');
    // Executable by the build itself: npx sets the bit only when it first links a folder's bin, so a folder
    // built again after that (a second CI run in the same place) would answer "loa: Permission denied".
    expect(statSync(packageJson.bin.loa).mode & 0o111).toBe(0o111);
    expect((await npxLoa('--version')).trim()).toBe(packageJson.version);
  });

  it("each command's --help names the environment it reads", async () => {
    const start = await npxLoa('start', '--help');
    for (const variable of ['PORT', 'LOA_DATA_DIR', 'DATABASE_URL', 'CARRIERS_FILE', 'JWT_SECRET']) expect(start).toContain(variable);
    const importHelp = await npxLoa('import', '--help');
    expect(importHelp).toContain('LOA_DATA_DIR');
    expect(importHelp).not.toContain('PORT');
  });
});
