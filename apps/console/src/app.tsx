import { useCallback, useEffect, useMemo, useState } from 'react';
import { answer, api, onUnauthenticated } from './api/client';
import { type CurrentUser, type Province, type ProvinceMatch } from './api/models';
import { NoticeList, NoticesProvider } from './components/notices';
import { Session, type SessionContext } from './context';
import { ROLES } from './format';
import { LoginScreen } from './screens/login';
import { CONSOLE_PREFIX, screenFromPath, screensFor } from './screens';
import { idleTimeoutMs, setBearerToken, watchIdle } from './session';

interface LoggedIn {
  user: CurrentUser;
  provinces: Province[];
}

/**
 * The console: the login page, or the screens of the logged-in user's role. Logging out (by hand, after
 * the idle timeout or when the API says the session ended) drops the token and the whole logged-in tree,
 * so every view and form is drawn again from nothing.
 */
export function App() {
  const [session, setSession] = useState<LoggedIn | null>(null);
  const [logoutReason, setLogoutReason] = useState<string | null>(null);
  // A new key after every logout: nothing of the last session's components survives.
  const [generation, setGeneration] = useState(0);

  const logout = useCallback((reason: string | null) => {
    setBearerToken(null);
    setSession(null);
    setLogoutReason(reason);
    setGeneration((value) => value + 1);
  }, []);

  useEffect(() => onUnauthenticated(() => logout('Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.')), [logout]);

  useEffect(() => {
    if (!session) return undefined;
    return watchIdle(idleTimeoutMs(), () => logout('Bạn đã được đăng xuất vì không thao tác trong 30 phút.'));
  }, [session, logout]);

  async function login(token: string) {
    setBearerToken(token);
    try {
      // Role and scope as the API reads them now: for what to show; the API decides what is allowed.
      const user = await answer<CurrentUser>(api.GET('/auth/me'));
      const provinces = await answer<ProvinceMatch[]>(api.GET('/provinces'));
      setLogoutReason(null);
      setSession({ user, provinces: provinces.map((match) => match.province) });
    } catch (error) {
      setBearerToken(null);
      throw error;
    }
  }

  return (
    <NoticesProvider key={generation}>
      <header className="top">
        <h1>
          Loa <span>Bảng điều khiển chiến dịch cảnh báo</span>
        </h1>
        {session && <Who user={session.user} onLogout={() => logout('Bạn đã đăng xuất.')} />}
      </header>
      {session ? <LoggedInConsole session={session} /> : <LoginScreen onLogin={login} reason={logoutReason} />}
    </NoticesProvider>
  );
}

function Who({ user, onLogout }: { user: CurrentUser; onLogout(): void }) {
  const scope = user.provinceScope ? `${user.provinceScope.length} tỉnh` : 'toàn quốc';
  return (
    <div className="who">
      <span id="who-name">
        {user.username} — {ROLES[user.role]}, {scope}
      </span>
      <button type="button" id="logout" className="secondary" onClick={onLogout}>
        Đăng xuất
      </button>
    </div>
  );
}

function LoggedInConsole({ session }: { session: LoggedIn }) {
  const screens = screensFor(session.user.role);
  const [current, setCurrent] = useState(() => {
    const wanted = screenFromPath(window.location.pathname);
    return screens.find((screen) => screen.id === wanted)?.id ?? screens[0].id;
  });

  const navigate = useCallback((id: string) => {
    window.history.pushState(null, '', `${CONSOLE_PREFIX}${id}${window.location.search}`);
    setCurrent(id);
  }, []);

  useEffect(() => {
    const back = () => {
      const wanted = screenFromPath(window.location.pathname);
      if (wanted) setCurrent(wanted);
    };
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);

  const names = useMemo(() => new Map(session.provinces.map((province) => [province.code, province.name])), [session.provinces]);
  const context: SessionContext = useMemo(
    () => ({ user: session.user, provinces: session.provinces, provinceName: (code) => names.get(code) ?? code, navigate }),
    [session, names, navigate],
  );
  const screen = screens.find((candidate) => candidate.id === current) ?? screens[0];
  const Component = screen.component;

  return (
    <Session.Provider value={context}>
      <nav className="menu" aria-label="Chức năng">
        {screens.map((entry) => (
          <a
            key={entry.id}
            href={`${CONSOLE_PREFIX}${entry.id}`}
            aria-current={entry.id === screen.id ? 'page' : undefined}
            data-screen={entry.id}
            onClick={(event) => {
              event.preventDefault();
              navigate(entry.id);
            }}
          >
            {entry.label}
          </a>
        ))}
      </nav>
      <main id="app-view">
        <NoticeList />
        <Component key={screen.id} />
      </main>
    </Session.Provider>
  );
}
