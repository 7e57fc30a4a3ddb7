import { type EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import { DETECT_DEAD_PEER, FLEET_SIZE, HELD_BIND_SLOTS, JOIN_FLEET, TRY_LOCK_BIND_SLOT, UNLOCK_ALL_BIND_SLOTS, UNLOCK_BIND_SLOT } from './bind-slots.sql';

/** The bind slots one dispatcher holds, on a connection of its own kept for as long as it holds them. */
@Injectable()
export class BindSlotsRepository {
  private session: QueryRunner | null = null;
  private fleets: string[] = [];
  private readonly lostListeners: (() => void)[] = [];
  private stopListening: (() => void) | null = null;

  constructor(private readonly db: DataSource) {}

  /** Takes free slots among 0..binds-1 of `carrier`, at most `max`; returns the slots taken. */
  async acquire(carrier: string, binds: number, max: number): Promise<number[]> {
    const session = await this.connection();
    const taken: number[] = [];
    try {
      for (let slot = 0; slot < binds && taken.length < max; slot++) {
        const [{ locked }] = await session.query(TRY_LOCK_BIND_SLOT, [carrier, slot]);
        if (locked) taken.push(slot);
      }
    } catch (error) {
      // None of this call's slots is used: give back those taken (if the connection is gone, so are they).
      for (const slot of taken) await session.query(UNLOCK_BIND_SLOT, [carrier, slot]).catch(() => undefined);
      await this.held(); // drops a dead connection, so the next call opens a new one
      throw error;
    }
    return taken;
  }

  /** Gives back slots of `carrier` for other dispatchers to take. */
  async release(carrier: string, slots: number[]): Promise<void> {
    if (!this.session) return;
    for (const slot of slots) await this.session.query(UNLOCK_BIND_SLOT, [carrier, slot]);
  }

  /** The carrier accounts this dispatcher is configured for: it counts in their fleets (see JOIN_FLEET). */
  joinFleets(carriers: string[]): void {
    this.fleets = [...carriers];
  }

  /** Called when the connection holding the slots breaks (the server restarted or cut it): its locks are gone. */
  onConnectionLost(listener: () => void): void {
    this.lostListeners.push(listener);
  }

  /** Dispatchers configured for `carrier` running now, this one included. */
  async fleetSize(carrier: string): Promise<number> {
    const [{ dispatchers }] = await (await this.connection()).query(FLEET_SIZE, [carrier]);
    return Math.max(1, dispatchers);
  }

  /** How many slots this dispatcher still holds: none once the connection holding them is gone. */
  async held(): Promise<number> {
    if (!this.session) return 0;
    try {
      const [{ held }] = await this.session.query(HELD_BIND_SLOTS);
      return held;
    } catch {
      // The database went away or restarted: the locks went with the connection. A new one takes slots again.
      await this.releaseAll();
      return 0;
    }
  }

  /** Frees every slot; a lost connection has freed them already. */
  async releaseAll(): Promise<void> {
    const session = this.session;
    this.session = null;
    this.stopListening?.();
    this.stopListening = null;
    if (!session) return;
    await session.query(UNLOCK_ALL_BIND_SLOTS).catch(() => undefined);
    await session.release().catch(() => undefined);
  }

  private async connection(): Promise<QueryRunner> {
    if (!this.session) {
      const session = this.db.createQueryRunner();
      const client = (await session.connect()) as EventEmitter;
      // pg emits 'error' on an idle connection the server ends: the slots are lost now, not at the next check.
      const lost = () => this.lostListeners.forEach((listener) => listener());
      client.once('error', lost);
      this.stopListening = () => client.removeListener('error', lost);
      try {
        await session.query(DETECT_DEAD_PEER);
        for (const carrier of this.fleets) await session.query(JOIN_FLEET, [carrier]);
      } catch (error) {
        this.stopListening();
        this.stopListening = null;
        await session.release().catch(() => undefined);
        throw error;
      }
      this.session = session;
    }
    return this.session;
  }
}
