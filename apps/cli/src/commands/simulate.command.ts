import { Logger } from '@nestjs/common';
import { loadCarriersFile, loadEnvironment } from '@loa/config';
import { startSimulators } from '@loa/smsc-simulator';
import { onShutdownSignal } from '../shutdown';

/** `loa simulate`: the SMSC simulators alone, for a dispatcher running elsewhere on this machine. */
export async function runSimulate(): Promise<void> {
  const carriers = loadCarriersFile(loadEnvironment().carriersFile).filter((carrier) => carrier.simulated);
  const simulators = await startSimulators(
    carriers.map((carrier) => ({
      profile: carrier.simulatorProfile,
      port: carrier.port,
      accounts: [{ systemId: carrier.systemId, password: carrier.password }],
    })),
  );
  new Logger('loa simulate').log(`simulating ${carriers.map((carrier) => `${carrier.id} on port ${carrier.port}`).join(', ')}`);
  onShutdownSignal(() => simulators.stop());
}
