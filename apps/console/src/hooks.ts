import { useEffect, useRef, useState } from 'react';
import { useNotices } from './components/notices';
import { pollMs } from './session';

/**
 * Loads `load` now and again every poll interval while the screen is shown; its errors become notices
 * that stay (a later successful poll does not clear them). `reload` loads again at once.
 */
export function usePolled<T>(load: () => Promise<T>, deps: unknown[], options: { poll?: boolean } = {}): { data: T | null; reload(): void } {
  const { report } = useNotices();
  const [data, setData] = useState<T | null>(null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const poll = options.poll ?? true;

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const run = async () => {
      try {
        const value = await loadRef.current();
        if (!stopped) setData(value);
      } catch (error) {
        if (!stopped) report(error, 'poll');
      }
      if (!stopped && poll) timer = window.setTimeout(() => void run(), pollMs());
    };
    void run();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, poll, report]);

  return { data, reload: () => setTick((value) => value + 1) };
}

/** A value that follows `value` once it has not changed for `ms` (the live preview's debounce). */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
