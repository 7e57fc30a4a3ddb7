import { type FormEvent, useState } from 'react';
import { answer, api } from '../api/client';
import { type NewUser, type UserChange, type UserView } from '../api/admin-models';
import { type Role } from '../api/models';
import { ConfirmDialog, type ConfirmRequest } from '../components/confirm-dialog';
import { DataTable } from '../components/data-table';
import { useAction } from '../components/notices';
import { ScopePicker, scopeText } from '../components/scope-picker';
import { useSession } from '../context';
import { formatTime, ROLES } from '../format';
import { usePolled } from '../hooks';
import { Pager } from './campaign-filters';
import '../admin.css';

const PAGE_SIZE = 20;

interface UserQuery {
  q: string;
  role: Role | '';
  province: string;
  status: 'active' | 'disabled' | '';
}

const EMPTY_QUERY: UserQuery = { q: '', role: '', province: '', status: '' };
const PASSWORD_HINT = 'Ít nhất 10 ký tự, không chứa tên đăng nhập, khó đoán (nên dùng một cụm vài từ không liên quan).';

/** Users: search, create, change role or scope, disable or enable, reset a password (admins; within their scope). */
export function UsersScreen() {
  const [query, setQuery] = useState<UserQuery>(EMPTY_QUERY);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<UserView | null>(null);
  const { provinceName } = useSession();

  const users = usePolled(
    () => {
      const filters = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
      return answer<UserView[]>(api.GET('/users', { params: { query: { limit: PAGE_SIZE + 1, offset, ...filters } } }));
    },
    [query, offset],
    { poll: false },
  );
  const page = users.data?.slice(0, PAGE_SIZE) ?? [];

  return (
    <div className="grid">
      <section className="card wide" aria-labelledby="users-title">
        <h2 id="users-title">Người dùng</h2>
        <UserFilters
          onChange={(next) => {
            setQuery(next);
            setOffset(0);
          }}
        />
        <DataTable
          id="users"
          rows={page}
          rowKey={(user) => user.id}
          rowAttributes={(user) => ({ 'data-username': user.username })}
          onOpen={(user) => setSelected(user)}
          selected={selected?.id ?? null}
          empty={users.data ? 'Không có người dùng nào khớp.' : 'Đang tải…'}
          columns={[
            { header: 'Tên đăng nhập', cell: (user) => <strong>{user.username}</strong> },
            { header: 'Vai trò', cell: (user) => ROLES[user.role] },
            { header: 'Phạm vi', className: 'wrap', cell: (user) => scopeText(user.provinceScope, provinceName) },
            { header: 'Trạng thái', cell: (user) => (user.disabled ? <span className="state state-cancelled">Đã khóa</span> : 'Đang hoạt động') },
            { header: 'Tạo lúc', cell: (user) => formatTime(user.createdAt) },
          ]}
        />
        <Pager offset={offset} pageSize={PAGE_SIZE} hasMore={(users.data?.length ?? 0) > PAGE_SIZE} onChange={setOffset} />
      </section>
      <NewUserForm
        onCreated={(user) => {
          setSelected(user);
          users.reload();
        }}
      />
      {selected && (
        <UserEditor
          key={selected.id}
          user={selected}
          onChanged={(user) => {
            setSelected(user);
            users.reload();
          }}
        />
      )}
    </div>
  );
}

function UserFilters({ onChange }: { onChange(query: UserQuery): void }) {
  const { provinces } = useSession();
  const [draft, setDraft] = useState(EMPTY_QUERY);
  const set = (field: keyof UserQuery) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });
  return (
    <form
      className="filters"
      aria-label="Tìm người dùng"
      onSubmit={(event) => {
        event.preventDefault();
        onChange(draft);
      }}
    >
      <label>
        Tên đăng nhập
        <input name="user-q" type="search" value={draft.q} onChange={set('q')} />
      </label>
      <label>
        Vai trò
        <select name="user-role" value={draft.role} onChange={set('role')}>
          <option value="">Tất cả</option>
          {Object.entries(ROLES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tỉnh, thành phố
        <select name="user-province" value={draft.province} onChange={set('province')}>
          <option value="">Tất cả</option>
          {provinces.map((province) => (
            <option key={province.code} value={province.code}>
              {province.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Trạng thái
        <select name="user-status" value={draft.status} onChange={set('status')}>
          <option value="">Tất cả</option>
          <option value="active">Đang hoạt động</option>
          <option value="disabled">Đã khóa</option>
        </select>
      </label>
      <div className="buttons">
        <button type="submit">Lọc</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDraft(EMPTY_QUERY);
            onChange(EMPTY_QUERY);
          }}
        >
          Xóa lọc
        </button>
      </div>
    </form>
  );
}

function NewUserForm({ onCreated }: { onCreated(user: UserView): void }) {
  const act = useAction();
  const { user: me } = useSession();
  const empty: NewUser = { username: '', password: '', role: 'viewer', provinces: me.provinceScope === null ? null : [] };
  const [form, setForm] = useState<NewUser>(empty);
  const [created, setCreated] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    const ok = await act(async () => {
      const user = await answer<UserView>(api.POST('/users', { body: form }));
      setForm(empty);
      setCreated(user.username);
      onCreated(user);
    });
    // The password leaves the page once used, whether the API took it or not.
    if (!ok) setForm((current) => ({ ...current, password: '' }));
  }

  return (
    <section className="card" aria-labelledby="new-user-title">
      <h2 id="new-user-title">Tạo người dùng</h2>
      <form onSubmit={(event) => void submit(event)} autoComplete="off">
        <label>
          Tên đăng nhập
          <input
            name="new-username"
            required
            minLength={3}
            maxLength={64}
            value={form.username}
            onChange={(e) => setForm({ ...form, username: e.target.value })}
          />
        </label>
        <label>
          Mật khẩu ban đầu
          <input
            name="new-password"
            type="password"
            autoComplete="new-password"
            required
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
          <span className="muted small">{PASSWORD_HINT}</span>
        </label>
        <label>
          Vai trò
          <select name="new-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {Object.entries(ROLES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <ScopePicker name="new-provinces" value={form.provinces ?? null} onChange={(provinces) => setForm({ ...form, provinces })} />
        <button type="submit" data-action="create-user">
          Tạo người dùng
        </button>
        {created && (
          <p className="ok" role="status" data-created-user={created}>
            Đã tạo người dùng {created}.
          </p>
        )}
      </form>
    </section>
  );
}

function UserEditor({ user, onChanged }: { user: UserView; onChanged(user: UserView): void }) {
  const act = useAction();
  const { provinceName } = useSession();
  const [role, setRole] = useState<Role>(user.role);
  const [scope, setScope] = useState<string[] | null>(user.provinceScope);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function change(body: UserChange, said: string) {
    setDone(null);
    const ok = await act(async () => onChanged(await answer<UserView>(api.PATCH('/users/{id}', { params: { path: { id: user.id } }, body }))));
    if (ok) setDone(said);
  }

  async function resetPassword(event: FormEvent) {
    event.preventDefault();
    const chosen = password;
    setPassword('');
    await change({ password: chosen }, `Đã đặt lại mật khẩu của ${user.username}; các phiên đăng nhập cũ của người này đã bị đóng.`);
  }

  return (
    <section className="card" aria-labelledby="edit-user-title" data-edit-user={user.username}>
      <h2 id="edit-user-title">Người dùng {user.username}</h2>
      <p className="muted">
        {ROLES[user.role]} · {scopeText(user.provinceScope, provinceName)} · {user.disabled ? 'đã khóa' : 'đang hoạt động'}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void change({ role, provinces: scope }, `Đã lưu vai trò và phạm vi của ${user.username}.`);
        }}
      >
        <label>
          Vai trò
          <select name="edit-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {Object.entries(ROLES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <ScopePicker name="edit-provinces" value={scope} onChange={setScope} />
        <button type="submit" data-action="save-user">
          Lưu vai trò và phạm vi
        </button>
      </form>
      <form onSubmit={(event) => void resetPassword(event)} autoComplete="off">
        <label>
          Mật khẩu mới
          <input name="reset-password" type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          <span className="muted small">{PASSWORD_HINT}</span>
        </label>
        <button type="submit" className="secondary" data-action="reset-password">
          Đặt lại mật khẩu
        </button>
      </form>
      <div className="buttons">
        <button
          type="button"
          className={user.disabled ? undefined : 'danger'}
          data-action={user.disabled ? 'enable-user' : 'disable-user'}
          onClick={() =>
            setConfirm({
              title: user.disabled ? `Mở khóa ${user.username}` : `Khóa ${user.username}`,
              message: user.disabled ? 'Người này sẽ đăng nhập lại được.' : 'Người này sẽ không đăng nhập được nữa, và mọi phiên đang mở của họ bị đóng ngay.',
              confirmLabel: user.disabled ? 'Mở khóa' : 'Khóa tài khoản',
              danger: !user.disabled,
              onConfirm: () => change({ disabled: !user.disabled }, user.disabled ? `Đã mở khóa ${user.username}.` : `Đã khóa ${user.username}.`),
            })
          }
        >
          {user.disabled ? 'Mở khóa tài khoản' : 'Khóa tài khoản'}
        </button>
      </div>
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />}
    </section>
  );
}
