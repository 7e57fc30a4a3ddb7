// The bearer token lives only here, in memory: never in localStorage, sessionStorage or a cookie, so
// nothing survives a reload (a reload logs out) and no other page can read it.
let token: string | null = null;

export function bearerToken(): string | null {
  return token;
}

export function setBearerToken(value: string | null): void {
  token = value;
}

/** Minutes of inactivity after which the console logs out (30 by default; `?idle=<seconds>` for tests). */
export function idleTimeoutMs(): number {
  const seconds = Number(new URLSearchParams(window.location.search).get('idle'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30 * 60_000;
}

/** How often the views poll the API (2 s by default; `?poll=<ms>` for tests). */
export function pollMs(): number {
  const ms = Number(new URLSearchParams(window.location.search).get('poll'));
  return Number.isFinite(ms) && ms >= 100 ? ms : 2000;
}

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` once the user has done nothing for `timeoutMs`; returns the function that stops watching. */
export function watchIdle(timeoutMs: number, onIdle: () => void): () => void {
  let timer = window.setTimeout(onIdle, timeoutMs);
  const restart = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(onIdle, timeoutMs);
  };
  for (const name of ACTIVITY_EVENTS) window.addEventListener(name, restart, { passive: true });
  return () => {
    window.clearTimeout(timer);
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, restart);
  };
}
