import { Logger } from '@nestjs/common';
import { loadCarriersFile, loadEnvironment } from '@loa/config';
import { startSimulatedCarriers } from '../ports';
import { onShutdownSignal } from '../shutdown';

/** `loa simulate`: the SMSC simulators alone, for a dispatcher running elsewhere on this machine. */
export async function runSimulate(options: { statusPort?: number } = {}): Promise<void> {
  const carriersFile = loadEnvironment().carriersFile;
  const carriers = loadCarriersFile(carriersFile).filter((carrier) => carrier.simulated);
  const simulators = await startSimulatedCarriers(carriers, carriersFile, options.statusPort);
  const status = simulators.statusPort === null ? '' : `; status at http://127.0.0.1:${simulators.statusPort}/status`;
  new Logger('loa simulate').log(`simulating ${carriers.map((carrier) => `${carrier.id} on port ${carrier.port}`).join(', ')}${status}`);
  onShutdownSignal(() => simulators.stop());
}
