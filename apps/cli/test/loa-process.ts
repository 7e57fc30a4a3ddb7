import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { pollUntil } from '@loa/testing';

/** The `loa` command as operators run it: the build CI makes before the tests (`npm run build`). */
export const LOA = 'dist/apps/cli/src/main.js';

export function assertBuilt(): void {
  if (!existsSync(LOA)) throw new Error(`${LOA} is missing: run \`npm run build\` before these tests`);
}

export interface LoaRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `loa …` to its end, with no DATABASE_URL unless `env` gives one; what it printed and its exit code. */
export async function loa(args: string[], env: Record<string, string>, input = ''): Promise<LoaRun> {
  const child = spawn(process.execPath, [LOA, ...args], {
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = await once(child, 'exit');
  return { code, stdout, stderr };
}

/** A port free right now (the OS picked it, then it was let go). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `loa start` (or another long-running command) in a process group of its own, as a terminal or a service manager runs it; its output is kept. */
export function startLoa(env: Record<string, string>, args = ['start']): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [LOA, ...args], {
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: '', LOA_LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

export async function waitUntilReady(port: number, timeoutMs: number): Promise<void> {
  await pollUntil(
    async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.status,
    (status) => status === 200,
    { timeoutMs, intervalMs: 250, what: `loa start to answer /health/ready on port ${port}` },
  );
}
