import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFolderClaim, liveDataFolderOwner, readDataFolderOwner } from './data-folder-owner';
import { processStartTicks } from './processes';

describe(DataFolderClaim.name, () => {
  let dir: string;
  let other: ChildProcess | null = null;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'loa-owner-'));
  });
  afterEach(async () => {
    if (other && other.exitCode === null) {
      other.kill('SIGKILL');
      await once(other, 'exit');
    }
    other = null;
    rmSync(dir, { recursive: true, force: true });
  });

  /** Another process, as a Loa that owns the folder would be: alive until the test ends. */
  function anotherProcess(): number {
    other = spawn('sleep', ['60'], { stdio: 'ignore' });
    return other.pid!;
  }

  const record = (owner: object) => writeFileSync(join(dir, 'loa-owner.json'), JSON.stringify(owner));

  it('takes a free folder and records this process, then removes the record on release', () => {
    const sut = DataFolderClaim.take(dir, 'loa start')!;

    expect(readDataFolderOwner(dir)).toMatchObject({ pid: process.pid, command: 'loa start', processStart: processStartTicks(process.pid) });
    sut.update({ port: 5433 });
    expect(readDataFolderOwner(dir)?.port).toBe(5433);
    sut.release();
    expect(readDataFolderOwner(dir)).toBeNull();
  });

  it('leaves a folder whose owner lives to it', () => {
    const pid = anotherProcess();
    record({ pid, command: 'loa start', startedAt: '', processStart: processStartTicks(pid), port: 5433 });

    expect(DataFolderClaim.take(dir, 'loa import')).toBeNull();
    expect(liveDataFolderOwner(dir)).toMatchObject({ pid, port: 5433 });
  });

  it('takes a folder whose owner is gone', async () => {
    const gone = spawn('true');
    await once(gone, 'exit');
    record({ pid: gone.pid, command: 'loa start', startedAt: '', processStart: null, port: 5433 });

    expect(liveDataFolderOwner(dir)).toBeNull();
    expect(DataFolderClaim.take(dir, 'loa start')).not.toBeNull();
    expect(readDataFolderOwner(dir)?.pid).toBe(process.pid);
  });

  it('takes a folder whose owner’s pid now belongs to another process (started at another time)', () => {
    const pid = anotherProcess();
    record({ pid, command: 'loa start', startedAt: '', processStart: '1', port: 5433 });

    expect(liveDataFolderOwner(dir)).toBeNull();
    expect(DataFolderClaim.take(dir, 'loa start')).not.toBeNull();
  });

  it('does not remove a record another process wrote after it', () => {
    const sut = DataFolderClaim.take(dir, 'loa import')!;
    const pid = anotherProcess();
    record({ pid, command: 'loa start', startedAt: '', processStart: processStartTicks(pid) });

    sut.release();

    expect(JSON.parse(readFileSync(join(dir, 'loa-owner.json'), 'utf8')).pid).toBe(pid);
    expect(sut.holds()).toBe(false);
  });
});
