import { type ComponentType, lazy, Suspense } from 'react';

/**
 * A screen whose code loads only when it is first opened (the admin's and officials' screens), so the
 * console's first load stays small. Shown as "Đang tải…" for the moment its file takes to arrive.
 */
export function lazyScreen(load: () => Promise<ComponentType>): ComponentType {
  const Screen = lazy(async () => ({ default: await load() }));
  return function LazyScreen() {
    return (
      <Suspense fallback={<p className="muted">Đang tải…</p>}>
        <Screen />
      </Suspense>
    );
  };
}
