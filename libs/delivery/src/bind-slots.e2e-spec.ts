import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@loa/testing';
import { BindSlotsRepository } from './bind-slots.repository';

/**
 * Bind slots and fleets are per Loa database: two Loa databases on one PostgreSQL server (production and a
 * staging copy, or two test files running side by side) must not count each other's dispatchers.
 */
describe(`${BindSlotsRepository.name} on a server shared by two Loa databases`, () => {
  const databases: TestDatabase[] = [];
  const sources: DataSource[] = [];
  const repositories: BindSlotsRepository[] = [];

  async function dispatcherOn(database: TestDatabase): Promise<BindSlotsRepository> {
    const source = new DataSource({ type: 'postgres', url: database.url, extra: { max: 2 } });
    await source.initialize();
    sources.push(source);
    const slots = new BindSlotsRepository(source);
    slots.joinFleets(['viettel']);
    repositories.push(slots);
    return slots;
  }

  beforeAll(async () => {
    databases.push(await createTestDatabase(), await createTestDatabase());
  });
  afterAll(async () => {
    for (const slots of repositories) await slots.releaseAll();
    for (const source of sources) await source.destroy();
    for (const database of databases) await database.drop();
  });

  it("counts only its own database's dispatchers in a fleet, and each database has every slot to give", async () => {
    const [first, second] = databases;
    const here = await dispatcherOn(first);
    const elsewhere = await dispatcherOn(second);

    expect(await here.acquire('viettel', 2, 2)).toEqual([0, 1]);
    expect(await elsewhere.acquire('viettel', 2, 2)).toEqual([0, 1]);
    expect(await here.fleetSize('viettel')).toBe(1);
    expect(await elsewhere.fleetSize('viettel')).toBe(1);

    const neighbour = await dispatcherOn(first);
    expect(await neighbour.acquire('viettel', 2, 2)).toEqual([]);
    expect(await here.fleetSize('viettel')).toBe(2);
    expect(await elsewhere.fleetSize('viettel')).toBe(1);
  });
});
