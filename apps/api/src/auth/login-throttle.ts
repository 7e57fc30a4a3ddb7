import { type CanActivate, type DynamicModule, type ExecutionContext, HttpException, HttpStatus, Inject, Injectable, Module } from '@nestjs/common';
import { type Clock, systemClock } from '@loa/common';

export interface LoginThrottleSettings {
  /** Attempts per username within the window, whatever the address (password guessing spread over many machines). */
  perUser: number;
  /** Attempts per source address within the window, whatever the username (one machine trying many users). */
  perAddress: number;
  windowSeconds: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleSettings = { perUser: 10, perAddress: 30, windowSeconds: 60 };
const SETTINGS = 'loa:login-throttle';
const WINDOWS = 'loa:login-throttle-windows';
export const LOGIN_THROTTLE_CLOCK = 'loa:login-throttle-clock';
/** Counters kept at most; beyond, finished windows are dropped first (an attacker cycling usernames cannot grow memory). */
const MAX_KEYS = 100_000;

interface Window {
  startedAt: number;
  attempts: number;
}

/**
 * Fixed-window attempt counters for POST /auth/login, per user and per address: the attempt past either
 * limit answers 429 with Retry-After. (@nestjs/throttler 6, the library for this, is CommonJS and cannot load
 * the ES-module Nest 12 under Jest; this does the same for the one route that needs it.)
 */
@Injectable()
export class LoginThrottleGuard implements CanActivate {
  constructor(
    // One map for the app: @UseGuards builds its own guard, the controller gets the provider; both must count alike.
    @Inject(WINDOWS) private readonly windows: Map<string, Window>,
    @Inject(SETTINGS) private readonly settings: LoginThrottleSettings,
    @Inject(LOGIN_THROTTLE_CLOCK) private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<ThrottledRequest>();
    const response = context.switchToHttp().getResponse<{ setHeader(name: string, value: string): unknown }>();
    const waits = keysOf(request).map((key, index) => this.count(key, index === 0 ? this.settings.perAddress : this.settings.perUser));
    const wait = Math.max(...waits);
    if (wait > 0) {
      response.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      throw new HttpException('too many login attempts; wait a minute and try again', HttpStatus.TOO_MANY_REQUESTS);
    }
    return true;
  }

  /** A login that succeeded is not held against its user or address (an office behind one address logs in often). */
  forgive(request: ThrottledRequest): void {
    for (const key of keysOf(request)) {
      const window = this.windows.get(key);
      if (window && window.attempts > 0) window.attempts -= 1;
    }
  }

  /** Counts one attempt; returns 0 if within the limit, else the milliseconds until the window ends. */
  private count(key: string, limit: number): number {
    const now = this.clock.now();
    const length = this.settings.windowSeconds * 1000;
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= length) {
      if (this.windows.size >= MAX_KEYS) this.dropFinished(now, length);
      window = { startedAt: now, attempts: 0 };
      this.windows.set(key, window);
    }
    window.attempts += 1;
    return window.attempts > limit ? window.startedAt + length - now : 0;
  }

  private dropFinished(now: number, length: number): void {
    for (const [key, window] of this.windows) if (now - window.startedAt >= length) this.windows.delete(key);
    if (this.windows.size >= MAX_KEYS) this.windows.clear();
  }
}

type ThrottledRequest = { ip?: string; body?: { username?: unknown } };

/** The address's counter, then the username's. */
function keysOf(request: ThrottledRequest): [string, string] {
  const username = typeof request.body?.username === 'string' ? request.body.username.slice(0, 64).toLowerCase() : '';
  return [`address:${request.ip ?? 'unknown'}`, `user:${username}`];
}

@Module({})
export class LoginThrottleModule {
  static forRoot(overrides: Partial<LoginThrottleSettings> = {}, clock: Clock = systemClock): DynamicModule {
    return {
      module: LoginThrottleModule,
      global: true, // @UseGuards() builds the guard in the controller's module, which must see its settings
      providers: [
        { provide: SETTINGS, useValue: { ...DEFAULT_LOGIN_THROTTLE, ...overrides } },
        { provide: WINDOWS, useValue: new Map<string, Window>() },
        { provide: LOGIN_THROTTLE_CLOCK, useValue: clock },
        LoginThrottleGuard,
      ],
      exports: [SETTINGS, WINDOWS, LOGIN_THROTTLE_CLOCK, LoginThrottleGuard],
    };
  }
}
