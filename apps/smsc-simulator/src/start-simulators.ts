import { type SmscAccount, SmscSimulator } from './smsc-simulator';
import { startStatusServer, type StatusServer } from './smsc-status.server';

// Enough recent history for the status endpoint; a demo campaign of millions would otherwise fill memory.
const RECORD_LIMIT = 50_000;

export interface SimulatorEntry {
  profile: string;
  port: number;
  accounts: SmscAccount[];
}

export interface RunningSimulators {
  simulators: SmscSimulator[];
  /** Port of the HTTP/JSON status endpoint, when one was asked for. */
  statusPort: number | null;
  stop(): Promise<void>;
}

/** One simulator per entry (used by `loa simulate` and the all-in-one start). */
export async function startSimulators(entries: SimulatorEntry[], options: { statusPort?: number; host?: string } = {}): Promise<RunningSimulators> {
  const simulators: SmscSimulator[] = [];
  let status: StatusServer | undefined;
  const stop = async () => {
    await status?.close();
    await Promise.all(simulators.map((simulator) => simulator.stop()));
  };
  try {
    for (const entry of entries) {
      simulators.push(
        await SmscSimulator.start({ port: entry.port, host: options.host, profile: entry.profile, accounts: entry.accounts, recordLimit: RECORD_LIMIT }),
      );
    }
    if (options.statusPort !== undefined) status = await startStatusServer(simulators, options.statusPort, options.host);
  } catch (error) {
    await stop();
    throw error;
  }
  return { simulators, statusPort: status?.port ?? null, stop };
}
