import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPostmasterLock, stopLeftoverPostmaster } from './postmaster';
import { isProcessAlive } from './processes';

describe(stopLeftoverPostmaster.name, () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'loa-postmaster-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** postmaster.pid as PostgreSQL 18 writes it: pid, folder, start, port, socket folder, address, shared memory key, status. */
  const lockFile = (pid: number) => writeFileSync(join(dir, 'postmaster.pid'), `${pid}\n${dir}\n1796640000\n5433\n/tmp\n127.0.0.1\n  1234  5678\nready   \n`);

  it('reads the pid, port and status of the lock file', () => {
    lockFile(4242);
    expect(readPostmasterLock(dir)).toEqual({ pid: 4242, port: 5433, status: 'ready' });
  });

  it('leaves alone a lock file whose postmaster is gone (PostgreSQL clears it by itself)', async () => {
    const gone = spawn('true');
    await once(gone, 'exit');
    lockFile(gone.pid!);
    const log: string[] = [];

    await stopLeftoverPostmaster(dir, (line) => log.push(line));

    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(true);
    expect(log).toEqual([]);
  });

  it('removes a lock file naming a live process that is not PostgreSQL (a pid reused after a reboot), and signals nothing', async () => {
    const other = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      lockFile(other.pid!);
      const log: string[] = [];

      await stopLeftoverPostmaster(dir, (line) => log.push(line));

      expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
      expect(isProcessAlive(other.pid!)).toBe(true);
      expect(log).toEqual([expect.stringContaining(`its pid ${other.pid} is now "sleep 60", not this folder's PostgreSQL`)]);
    } finally {
      other.kill('SIGKILL');
    }
  });
});
