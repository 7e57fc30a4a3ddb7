import { Logger } from '@nestjs/common';
import { loadCarriersFile, loadEnvironment } from '@loa/config';
import { startSimulatedCarriers } from '../ports';
import { onShutdownSignal } from '../shutdown';

/** `loa simulate`: the SMSC simulators alone, for a dispatcher running elsewhere on this machine. */
export async function runSimulate(): Promise<void> {
  const carriersFile = loadEnvironment().carriersFile;
  const carriers = loadCarriersFile(carriersFile).filter((carrier) => carrier.simulated);
  const simulators = await startSimulatedCarriers(carriers, carriersFile);
  new Logger('loa simulate').log(`simulating ${carriers.map((carrier) => `${carrier.id} on port ${carrier.port}`).join(', ')}`);
  onShutdownSignal(() => simulators.stop());
}
