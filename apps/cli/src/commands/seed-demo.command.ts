import { loadEnvironment } from '@loa/config';
import { seedDemo } from '@loa/demo';
import { syncProvinces } from '@loa/provinces';
import { withAuthContext } from './admin.command';

/** `loa seed-demo`: the demo users and synthetic subscribers the all-in-one starts with. */
export async function runSeedDemo(options: { subscribers: number }): Promise<void> {
  const password = loadEnvironment().demoPassword;
  await withAuthContext(async (db, auth) => {
    await syncProvinces(db);
    const demoHotlines = await seedDemo(db, auth, { password, subscribers: options.subscribers });
    if (demoHotlines.length > 0)
      process.stdout.write(`demo hotlines 0000.000.0NN (not real numbers) for ${demoHotlines.length} provinces with none on record\n`);
  });
  process.stdout.write(`demo users and up to ${options.subscribers} synthetic subscribers are in place\n`);
}
