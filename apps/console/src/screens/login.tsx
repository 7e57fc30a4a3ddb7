import { type FormEvent, useState } from 'react';
import { answer, ApiError, api } from '../api/client';
import { vietnameseError } from '../errors/catalog';

/** The login form. Its fields live only in this component: after a logout it is drawn anew, empty. */
export function LoginScreen({ onLogin, reason }: { onLogin(token: string): Promise<void>; reason: string | null }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { accessToken } = await answer<{ accessToken: string }>(api.POST('/auth/login', { body: { username, password } }));
      setPassword('');
      await onLogin(accessToken);
    } catch (failure) {
      setPassword('');
      if (failure instanceof ApiError && failure.body.statusCode === 401) setError('Sai tên đăng nhập hoặc mật khẩu.');
      else setError(failure instanceof ApiError ? vietnameseError(failure.body) : 'Không đăng nhập được, vui lòng thử lại.');
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <section className="card login" aria-labelledby="login-title">
        <h2 id="login-title">Đăng nhập</h2>
        {reason && (
          <p className="info" data-logout-reason>
            {reason}
          </p>
        )}
        <form onSubmit={(event) => void submit(event)} autoComplete="off">
          <label>
            Tên đăng nhập
            <input name="username" autoComplete="username" required value={username} onChange={(event) => setUsername(event.target.value)} />
          </label>
          <label>
            Mật khẩu
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </label>
          <button type="submit" disabled={busy}>
            Đăng nhập
          </button>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </form>
        <p className="muted small">
          Phiên làm việc chỉ nằm trong trang này: tải lại trang hoặc không thao tác 30 phút sẽ đăng xuất, và mọi dữ liệu trên màn hình được xóa.
        </p>
      </section>
    </main>
  );
}
