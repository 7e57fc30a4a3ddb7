import { type INestApplication } from '@nestjs/common';
import { ConfigError, type CarrierAccount } from '@loa/config';
import { type RunningSimulators, type SimulatorEntry, startSimulators } from '@loa/smsc-simulator';

function isPortInUse(error: unknown): error is { port?: number } {
  return (error as { code?: unknown })?.code === 'EADDRINUSE';
}

/** app.listen, with a port already taken said in one line: which port, and what to change. */
export async function listenApi(app: INestApplication, port: number, host?: string): Promise<void> {
  try {
    await app.listen(port, host as string);
  } catch (error) {
    if (isPortInUse(error)) throw new ConfigError(`port ${port} (the API) is in use by another process: stop it, or set PORT to a free port`);
    throw error;
  }
}

/** startSimulators, with a port already taken named with its carrier and the file that sets it. */
export async function startSimulatedCarriers(carriers: CarrierAccount[], carriersFile: string, statusPort?: number): Promise<RunningSimulators> {
  const entries: SimulatorEntry[] = carriers.map((carrier) => ({
    profile: carrier.simulatorProfile,
    port: carrier.port,
    accounts: [{ systemId: carrier.systemId, password: carrier.password }],
  }));
  try {
    return await startSimulators(entries, { statusPort });
  } catch (error) {
    if (!isPortInUse(error)) throw error;
    if (statusPort !== undefined && error.port === statusPort) {
      throw new ConfigError(`port ${statusPort} (the simulators' status endpoint) is in use: stop what holds it, or give --status-port another`);
    }
    const carrier = carriers.find((entry) => entry.port === error.port);
    throw new ConfigError(
      `port ${error.port} (the simulated ${carrier?.id ?? ''} SMSC) is in use, perhaps by another Loa: stop it, or change that carrier's "port" in ${carriersFile}`,
    );
  }
}
