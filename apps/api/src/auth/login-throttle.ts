import { type CanActivate, type DynamicModule, type ExecutionContext, HttpException, HttpStatus, Inject, Injectable, Module } from '@nestjs/common';
import { type Clock, systemClock } from '@loa/common';

export interface LoginThrottleSettings {
  /** Failed attempts at one username from one source address within the window (guessing one password from one machine). */
  perUserAndAddress: number;
  /** Failed attempts from one source address within the window, whatever the username (one machine trying many users). */
  perAddress: number;
  windowSeconds: number;
  /**
   * Failures of a username, from any address, answered at once; after them every login of that username waits
   * firstDelayMs, doubled per further failure up to maxDelayMs (0 turns the delay off). A delay, not a lockout:
   * failures elsewhere slow the user's own login down by at most maxDelayMs, never refuse it.
   */
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** How long a username's failures count towards its delay. */
  delayWindowSeconds: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleSettings = {
  perUserAndAddress: 10,
  perAddress: 30,
  windowSeconds: 60,
  freeFailures: 3,
  firstDelayMs: 250,
  maxDelayMs: 5000,
  delayWindowSeconds: 900,
};
const SETTINGS = 'loa:login-throttle';
const WINDOWS = 'loa:login-throttle-windows';
export const LOGIN_THROTTLE_CLOCK = 'loa:login-throttle-clock';
/** How the guard waits out a delay (a test records the delays instead of sleeping through them). */
export const LOGIN_THROTTLE_WAIT = 'loa:login-throttle-wait';
export type LoginWait = (ms: number) => Promise<void>;
const sleep: LoginWait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Counters kept at most; beyond, finished windows are dropped first (an attacker cycling usernames cannot grow memory). */
const MAX_KEYS = 100_000;

interface Window {
  startedAt: number;
  attempts: number;
}

/**
 * Fixed-window counters of failed logins for POST /auth/login: per (username, address) and per address, 429
 * with Retry-After past either limit; and per username, a growing delay before the answer. An attempt counts
 * when it starts (so parallel guesses cannot all pass before the first fails) and a success is taken back.
 * No counter is per username alone: ten failures from one address never refuse the user's own password from
 * another. (@nestjs/throttler 6 is CommonJS and cannot load the ES-module Nest 12 under Jest.)
 */
@Injectable()
export class LoginThrottleGuard implements CanActivate {
  constructor(
    // One map for the app: @UseGuards builds its own guard, the controller gets the provider; both must count alike.
    @Inject(WINDOWS) private readonly windows: Map<string, Window>,
    @Inject(SETTINGS) private readonly settings: LoginThrottleSettings,
    @Inject(LOGIN_THROTTLE_CLOCK) private readonly clock: Clock,
    @Inject(LOGIN_THROTTLE_WAIT) private readonly wait: LoginWait,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ThrottledRequest>();
    const response = context.switchToHttp().getResponse<{ setHeader(name: string, value: string): unknown }>();
    const keys = keysOf(request);
    const { windowSeconds, delayWindowSeconds, perAddress, perUserAndAddress } = this.settings;
    const refusedFor = Math.max(this.count(keys.address, windowSeconds, perAddress), this.count(keys.pair, windowSeconds, perUserAndAddress));
    if (refusedFor > 0) {
      this.takeBack([keys.address, keys.pair]); // a refused attempt checks no password: it is no failure
      response.setHeader('Retry-After', String(Math.ceil(refusedFor / 1000)));
      throw new HttpException(
        'too many failed logins from this address; wait a minute and try again (đăng nhập sai quá nhiều lần từ địa chỉ này; hãy thử lại sau một phút)',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const failuresBefore = this.count(keys.user, delayWindowSeconds, Infinity) - 1;
    const delay = this.delayAfter(failuresBefore);
    if (delay > 0) await this.wait(delay);
    return true;
  }

  /** A login that succeeded is not held against its user or address (an office behind one address logs in often). */
  forgive(request: ThrottledRequest): void {
    const keys = keysOf(request);
    this.takeBack([keys.address, keys.pair, keys.user]);
  }

  /** The wait before answering a login whose username failed `failures` times lately: 0, then 250, 500, 1000… ms up to the maximum. */
  delayAfter(failures: number): number {
    const { freeFailures, firstDelayMs, maxDelayMs } = this.settings;
    if (failures < freeFailures || maxDelayMs <= 0) return 0;
    return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(failures - freeFailures, 30));
  }

  private takeBack(keys: string[]): void {
    for (const key of keys) {
      const window = this.windows.get(key);
      if (window && window.attempts > 0) window.attempts -= 1;
    }
  }

  /** Counts one attempt; returns 0 if within the limit, else the milliseconds until the window ends (for a limit, the attempts so far + 1). */
  private count(key: string, windowSeconds: number, limit: number): number {
    const now = this.clock.now();
    const length = windowSeconds * 1000;
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= length) {
      if (this.windows.size >= MAX_KEYS) this.dropFinished(now);
      window = { startedAt: now, attempts: 0 };
      this.windows.set(key, window);
    }
    window.attempts += 1;
    if (limit === Infinity) return window.attempts;
    return window.attempts > limit ? window.startedAt + length - now : 0;
  }

  private dropFinished(now: number): void {
    const longest = Math.max(this.settings.windowSeconds, this.settings.delayWindowSeconds) * 1000;
    for (const [key, window] of this.windows) if (now - window.startedAt >= longest) this.windows.delete(key);
    if (this.windows.size >= MAX_KEYS) this.windows.clear();
  }
}

type ThrottledRequest = { ip?: string; body?: { username?: unknown } };

/**
 * The counters an attempt moves. The address is the connection's (Express `trust proxy` is off): behind a
 * reverse proxy every client shares the proxy's.
 */
function keysOf(request: ThrottledRequest): { address: string; pair: string; user: string } {
  const username = typeof request.body?.username === 'string' ? request.body.username.slice(0, 64).toLowerCase() : '';
  const address = request.ip ?? 'unknown';
  return { address: `address:${address}`, pair: `pair:${username}\u0000${address}`, user: `user:${username}` };
}

@Module({})
export class LoginThrottleModule {
  static forRoot(overrides: Partial<LoginThrottleSettings> = {}, clock: Clock = systemClock, wait: LoginWait = sleep): DynamicModule {
    return {
      module: LoginThrottleModule,
      global: true, // @UseGuards() builds the guard in the controller's module, which must see its settings
      providers: [
        { provide: SETTINGS, useValue: { ...DEFAULT_LOGIN_THROTTLE, ...overrides } },
        { provide: WINDOWS, useValue: new Map<string, Window>() },
        { provide: LOGIN_THROTTLE_CLOCK, useValue: clock },
        { provide: LOGIN_THROTTLE_WAIT, useValue: wait },
        LoginThrottleGuard,
      ],
      exports: [SETTINGS, WINDOWS, LOGIN_THROTTLE_CLOCK, LOGIN_THROTTLE_WAIT, LoginThrottleGuard],
    };
  }
}
