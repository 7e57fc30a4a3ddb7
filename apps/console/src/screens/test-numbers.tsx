import { type FormEvent, useState } from 'react';
import { answer, api } from '../api/client';
import { type TestNumber, type UserView } from '../api/admin-models';
import { type Carrier } from '../api/models';
import { DataTable } from '../components/data-table';
import { useAction } from '../components/notices';
import { CARRIER_IDS, CARRIERS, formatTime, ROLES } from '../format';
import { usePolled } from '../hooks';
import '../admin.css';

/** Test numbers: the phones a drafter may test-send a campaign to before approval (admins write them down). */
export function TestNumbersScreen() {
  const act = useAction();
  const numbers = usePolled(() => answer<TestNumber[]>(api.GET('/test-numbers')), [], { poll: false });
  const users = usePolled(() => answer<UserView[]>(api.GET('/users', { params: { query: { limit: 500, status: 'active' } } })), [], { poll: false });
  const [msisdn, setMsisdn] = useState('');
  const [userId, setUserId] = useState('');
  const [carrier, setCarrier] = useState<Carrier | ''>('');
  const [added, setAdded] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const ok = await act(async () => {
      const number = await answer<TestNumber>(
        api.POST('/test-numbers', { body: { msisdn: msisdn.trim(), userId: Number(userId), ...(carrier ? { carrier } : {}) } }),
      );
      setAdded(number.msisdn);
    });
    if (ok) {
      setMsisdn('');
      numbers.reload();
    }
  }

  return (
    <div className="grid">
      <section className="card wide" aria-labelledby="test-numbers-title">
        <h2 id="test-numbers-title">Số thử nghiệm</h2>
        <p className="muted">Cán bộ soạn thảo chỉ gửi thử chiến dịch tới các số đã được ghi ở đây, trước khi chiến dịch được duyệt.</p>
        <DataTable
          id="test-numbers"
          rows={numbers.data ?? []}
          rowKey={(number) => number.msisdn}
          rowAttributes={(number) => ({ 'data-msisdn': number.msisdn })}
          empty={numbers.data ? 'Chưa có số thử nghiệm nào trong phạm vi của bạn.' : 'Đang tải…'}
          columns={[
            { header: 'Số điện thoại', cell: (number) => number.msisdn },
            { header: 'Của người dùng', cell: (number) => number.username ?? `#${number.userId}` },
            { header: 'Nhà mạng', cell: (number) => CARRIERS[number.carrier] ?? number.carrier },
            { header: 'Ghi lúc', cell: (number) => formatTime(number.createdAt) },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="new-test-number-title">
        <h2 id="new-test-number-title">Thêm số thử nghiệm</h2>
        <form onSubmit={(event) => void add(event)}>
          <label>
            Số điện thoại
            <input name="test-msisdn" inputMode="tel" required value={msisdn} onChange={(e) => setMsisdn(e.target.value)} placeholder="0912 345 678" />
          </label>
          <label>
            Của người dùng
            <select name="test-user" required value={userId} onChange={(e) => setUserId(e.target.value)}>
              <option value="">— chọn —</option>
              {(users.data ?? []).map((user) => (
                <option key={user.id} value={user.id}>
                  {user.username} ({ROLES[user.role]})
                </option>
              ))}
            </select>
          </label>
          <label>
            Nhà mạng
            <select name="test-carrier" value={carrier} onChange={(e) => setCarrier(e.target.value as Carrier | '')}>
              <option value="">Theo đầu số</option>
              {CARRIER_IDS.map((id) => (
                <option key={id} value={id}>
                  {CARRIERS[id]} (số đã chuyển mạng)
                </option>
              ))}
            </select>
          </label>
          <button type="submit" data-action="add-test-number">
            Thêm số
          </button>
          {added && (
            <p className="ok" role="status">
              Đã thêm số {added}.
            </p>
          )}
        </form>
      </section>
    </div>
  );
}
