import { Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import { HELD_BIND_SLOTS, TRY_LOCK_BIND_SLOT, UNLOCK_ALL_BIND_SLOTS } from './bind-slots.sql';

/** The bind slots one dispatcher holds, on a connection of its own kept for as long as it holds them. */
@Injectable()
export class BindSlotsRepository {
  private session: QueryRunner | null = null;

  constructor(private readonly db: DataSource) {}

  /** Takes free slots among 0..binds-1 of `carrier`, at most `max`; returns the slots taken. */
  async acquire(carrier: string, binds: number, max: number): Promise<number[]> {
    const session = await this.connection();
    const taken: number[] = [];
    for (let slot = 0; slot < binds && taken.length < max; slot++) {
      const [{ locked }] = await session.query(TRY_LOCK_BIND_SLOT, [carrier, slot]);
      if (locked) taken.push(slot);
    }
    return taken;
  }

  /** How many slots this dispatcher still holds; throws when the connection holding them is gone. */
  async held(): Promise<number> {
    if (!this.session) return 0;
    const [{ held }] = await this.session.query(HELD_BIND_SLOTS);
    return held;
  }

  /** Frees every slot; a lost connection has freed them already. */
  async releaseAll(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (!session) return;
    await session.query(UNLOCK_ALL_BIND_SLOTS).catch(() => undefined);
    await session.release();
  }

  private async connection(): Promise<QueryRunner> {
    if (!this.session) {
      this.session = this.db.createQueryRunner();
      await this.session.connect();
    }
    return this.session;
  }
}
