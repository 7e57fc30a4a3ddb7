import { type DynamicModule, HttpException, HttpStatus, Inject, Injectable, Module } from '@nestjs/common';

export interface ImportLimits {
  /** Uploads one user may run at once. */
  perUser: number;
  /** Uploads running at once in this API process: each holds one pooled connection while it writes, so the pool (10) keeps the rest for the API. */
  total: number;
  /** The largest upload accepted, in bytes (413 beyond; at once when the declared Content-Length says so). */
  maxBytes: number;
  /** The slowest upload kept: one sending less on average over a period of slowUploadCheckMs is cut with 408 (0: no floor). */
  minBytesPerSecond: number;
  slowUploadCheckMs: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  perUser: 1,
  total: 3,
  maxBytes: 2 * 1024 ** 3,
  // A 2 GiB list on a 10 kB/s line would take 2.5 days; a real office line sends megabytes a second.
  minBytesPerSecond: 10_000,
  slowUploadCheckMs: 30_000,
};
const IMPORT_LIMITS = 'loa:import-limits';

/** Counts the uploads in progress and refuses one more beyond the limits (429, before anything is read). */
@Injectable()
export class ImportSlots {
  private running = 0;
  private readonly perUser = new Map<number, number>();

  constructor(@Inject(IMPORT_LIMITS) readonly limits: ImportLimits) {}

  get inProgress(): number {
    return this.running;
  }

  /** Returns the release function. The user's own limit is checked first, so one user cannot take every slot. */
  take(userId: number): () => void {
    const mine = this.perUser.get(userId) ?? 0;
    if (mine >= this.limits.perUser) throw tooMany(`you already have ${mine} import(s) in progress; wait for it to finish`);
    if (this.running >= this.limits.total) throw tooMany(`${this.running} imports are in progress; try again in a minute`);
    this.running += 1;
    this.perUser.set(userId, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      const left = (this.perUser.get(userId) ?? 1) - 1;
      if (left > 0) this.perUser.set(userId, left);
      else this.perUser.delete(userId);
    };
  }
}

function tooMany(message: string): HttpException {
  return new HttpException(message, HttpStatus.TOO_MANY_REQUESTS);
}

@Module({})
export class ImportLimitsModule {
  static forRoot(overrides: Partial<ImportLimits> = {}): DynamicModule {
    return {
      module: ImportLimitsModule,
      global: true,
      providers: [{ provide: IMPORT_LIMITS, useValue: { ...DEFAULT_IMPORT_LIMITS, ...overrides } }, ImportSlots],
      exports: [ImportSlots],
    };
  }
}
