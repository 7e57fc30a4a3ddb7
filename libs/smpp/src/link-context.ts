import { type TimerClock } from '@loa/common';
import { type SmppAccountConfig } from './carrier-link.types';
import { type LinkLogger } from './link-logger';
import { type LinkStatusTracker } from './link-status-tracker';

/** Where a link is in its life. */
export type LinkRun = 'stopped' | 'running' | 'stopping';

/** The one copy of a link's run state: the façade moves it, its parts read it. */
export class LinkLifecycle {
  run: LinkRun = 'stopped';

  get running(): boolean {
    return this.run === 'running';
  }
}

/** What every part of one carrier link shares. */
export interface LinkContext {
  readonly config: SmppAccountConfig;
  readonly lifecycle: LinkLifecycle;
  /** Pacing, pauses, reconnect backoff, status and the drain at stop wait on it. */
  readonly clock: TimerClock;
  readonly status: LinkStatusTracker;
  readonly logger: LinkLogger;
}
