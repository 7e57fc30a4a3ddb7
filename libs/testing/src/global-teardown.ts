export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { loaTestDatabase?: { stop(): Promise<void> } }).loaTestDatabase;
  if (embedded) await embedded.stop();
}
