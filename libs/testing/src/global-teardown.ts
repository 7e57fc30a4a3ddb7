export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { loaTestDatabase?: { stop(): Promise<void> } }).loaTestDatabase;
  if (!embedded) return;
  delete (globalThis as { loaTestDatabase?: unknown }).loaTestDatabase;
  await embedded.stop();
}
