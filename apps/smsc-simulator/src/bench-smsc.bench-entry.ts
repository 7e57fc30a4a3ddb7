import 'reflect-metadata';
import { SmscSimulator } from './smsc-simulator';

// Forked by the SMPP benchmark (apps/cli) so the SMSC has its own core: no throttling, receipts at once,
// nothing recorded. Reports its port over IPC and stops when the parent says so or goes away.
async function run(): Promise<void> {
  const simulator = await SmscSimulator.start({
    port: 0,
    record: false,
    accounts: [{ systemId: 'bench', password: 'bench' }],
    profile: { name: 'bench', throttle: false, receiptDelayMs: [0, 0], outcomes: { DELIVRD: 1 }, receiptForm: 'both' },
  });
  process.send?.({ port: simulator.port });
  const stop = () => void simulator.stop().then(() => process.exit(0));
  process.on('message', (message: { stop?: boolean; counts?: boolean }) => {
    if (message.counts) process.send?.({ counts: simulator.counts });
    if (message.stop) stop();
  });
  process.on('disconnect', stop);
}

void run();
