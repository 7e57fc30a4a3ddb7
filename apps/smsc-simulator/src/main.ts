import 'reflect-metadata';
import { parseSimulatorArgs } from './simulator-args';
import { startSimulators } from './start-simulators';

// `node dist/apps/smsc-simulator/src/main.js viettel=2775 vnpt=2776`: the simulator without the rest of Loa.
async function main(): Promise<void> {
  const { entries, statusPort } = parseSimulatorArgs(process.argv.slice(2));
  const running = await startSimulators(entries, { statusPort });
  for (const simulator of running.simulators) console.log(`SMSC simulator "${simulator.profile.name}" on 127.0.0.1:${simulator.port}`);
  if (running.statusPort !== null) console.log(`status on http://127.0.0.1:${running.statusPort}/`);
  const stop = () => void running.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
