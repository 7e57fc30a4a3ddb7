import type { SimulatorEntry } from './start-simulators';

const USAGE = 'usage: node main.js <profile>=<port>[:<systemId>:<password>] ... [--status-port <port>]';

/** `viettel=2775:loa_vt:secret` -> an entry; without credentials the simulator binds anyone. */
export function parseSimulatorArgs(args: string[]): { entries: SimulatorEntry[]; statusPort?: number } {
  const entries: SimulatorEntry[] = [];
  let statusPort: number | undefined;
  for (let index = 0; index < args.length; index++) {
    if (args[index] === '--status-port') {
      statusPort = Number(args[++index]);
      continue;
    }
    const match = /^([\w-]+)=(\d+)(?::([^:]+):(.*))?$/.exec(args[index]);
    if (!match) throw new Error(`cannot read "${args[index]}"; ${USAGE}`);
    const [, profile, port, systemId, password] = match;
    entries.push({ profile, port: Number(port), accounts: systemId ? [{ systemId, password }] : [] });
  }
  if (entries.length === 0) throw new Error(USAGE);
  return { entries, statusPort };
}
