import { type EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';

/** The channel the database notifies when there is new work to send (migration DispatchWakeups). */
export const DISPATCH_CHANNEL = 'loa_dispatch';

/**
 * Listens on a connection of its own for notifications of new work (a campaign started or resumed, a test
 * send requested), so idle dispatchers start at once instead of at their next poll. A lost connection is
 * dropped; the next listen() opens another. Polling stays the fallback for what is missed meanwhile.
 */
@Injectable()
export class DispatchWakeups {
  private session: QueryRunner | null = null;
  private stopListening: (() => void) | null = null;

  constructor(private readonly db: DataSource) {}

  /** Listens, if not listening already; `wake` is called on every notification. */
  async listen(wake: () => void): Promise<void> {
    if (this.session) return;
    const session = this.db.createQueryRunner();
    const client = (await session.connect()) as EventEmitter;
    const notified = (notification: { channel: string }) => {
      if (notification.channel === DISPATCH_CHANNEL) wake();
    };
    // The query runner gives a broken connection back to the pool as broken; the next listen() opens another.
    const lost = () => {
      if (this.session === session) this.session = null;
    };
    client.on('notification', notified);
    client.once('error', lost);
    const stopListening = () => {
      client.removeListener('notification', notified);
      client.removeListener('error', lost);
    };
    try {
      await session.query(`LISTEN ${DISPATCH_CHANNEL}`);
    } catch (error) {
      stopListening();
      await session.release().catch(() => undefined);
      throw error;
    }
    this.session = session;
    this.stopListening = stopListening;
  }

  /** Stops listening; the connection goes back to the pool. */
  async close(): Promise<void> {
    const session = this.session;
    this.session = null;
    this.stopListening?.();
    this.stopListening = null;
    await session?.query(`UNLISTEN ${DISPATCH_CHANNEL}`).catch(() => undefined);
    await session?.release().catch(() => undefined);
  }
}
