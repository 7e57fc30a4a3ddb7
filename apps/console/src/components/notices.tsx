import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { ApiError } from '../api/client';
import { type ApiErrorBody } from '../api/models';
import { errorKey, vietnameseError } from '../errors/catalog';

/** An error on screen: stays until the user dismisses it or acts again (a poll never clears it). */
interface Notice {
  id: number;
  /** 'action': from something the user did (cleared by their next action); 'poll': from a background refresh. */
  source: 'action' | 'poll';
  key: string;
  text: string;
  detail: string;
}

interface Notices {
  notices: Notice[];
  report(error: unknown, source?: Notice['source']): void;
  dismiss(id: number): void;
  /** The user acts again: the errors of their earlier actions go. */
  clearActions(): void;
}

const NoticesContext = createContext<Notices | null>(null);
let nextId = 1;

function bodyOf(error: unknown): ApiErrorBody {
  if (error instanceof ApiError) return error.body;
  return { statusCode: 0, error: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const report = useCallback((error: unknown, source: Notice['source'] = 'action') => {
    const body = bodyOf(error);
    const notice = { id: nextId++, source, key: `${errorKey(body)}|${body.message}`, text: vietnameseError(body), detail: body.message };
    // The same error from every poll is shown once.
    setNotices((current) => (current.some((n) => n.key === notice.key) ? current : [...current, notice]));
  }, []);
  const dismiss = useCallback((id: number) => setNotices((current) => current.filter((n) => n.id !== id)), []);
  const clearActions = useCallback(() => setNotices((current) => current.filter((n) => n.source !== 'action')), []);
  const value = useMemo(() => ({ notices, report, dismiss, clearActions }), [notices, report, dismiss, clearActions]);
  return <NoticesContext.Provider value={value}>{children}</NoticesContext.Provider>;
}

export function useNotices(): Notices {
  const notices = useContext(NoticesContext);
  if (!notices) throw new Error('useNotices outside NoticesProvider');
  return notices;
}

/** Runs a user's action: clears the notices of their earlier actions, reports its error if it fails; true when it succeeded. */
export function useAction(): (run: () => Promise<unknown>) => Promise<boolean> {
  const { report, clearActions } = useNotices();
  return useCallback(
    async (run) => {
      clearActions();
      try {
        await run();
        return true;
      } catch (error) {
        report(error, 'action');
        return false;
      }
    },
    [report, clearActions],
  );
}

export function NoticeList() {
  const { notices, dismiss } = useNotices();
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label="Thông báo lỗi">
      {notices.map((notice) => (
        <div key={notice.id} className="notice" role="alert" data-error-key={notice.key.split('|')[0]}>
          <p className="notice-text">{notice.text}</p>
          <details className="notice-detail">
            <summary>Chi tiết kỹ thuật</summary>
            <span lang="en">{notice.detail}</span>
          </details>
          <button type="button" className="secondary notice-dismiss" onClick={() => dismiss(notice.id)}>
            Đóng
          </button>
        </div>
      ))}
    </section>
  );
}
