import { type FormEvent, useState } from 'react';
import { answer, api } from '../api/client';
import { type NumberLookup } from '../api/models';
import { DataTable } from '../components/data-table';
import { useAction } from '../components/notices';
import { useSession } from '../context';
import { CARRIERS, formatTime, MESSAGE_STATES } from '../format';

/** Lookup by number: every warning Loa sent one number within your provinces (each lookup is audited). */
export function LookupScreen() {
  const { provinceName } = useSession();
  const act = useAction();
  const [number, setNumber] = useState('');
  const [result, setResult] = useState<NumberLookup | null>(null);

  async function lookUp(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    await act(async () => setResult(await answer<NumberLookup>(api.GET('/subscribers/{msisdn}/messages', { params: { path: { msisdn: number.trim() } } }))));
  }

  return (
    <section className="card" aria-labelledby="lookup-title">
      <h2 id="lookup-title">Tra cứu theo số điện thoại</h2>
      <p className="muted">
        Người dân hỏi "tin nhắn ký tên CONGAN có phải của Công an không?": nhập số của họ để xem mọi tin cảnh báo Loa đã gửi tới số đó trong phạm vi của bạn.
        Mỗi lần tra cứu được ghi nhật ký.
      </p>
      <form className="filters" onSubmit={(event) => void lookUp(event)}>
        <label>
          Số điện thoại
          <input name="lookup-msisdn" inputMode="tel" required value={number} onChange={(event) => setNumber(event.target.value)} placeholder="0912 345 678" />
        </label>
        <div className="buttons">
          <button type="submit" data-action="lookup">
            Tra cứu
          </button>
        </div>
      </form>
      {result && (
        <div data-lookup={result.msisdn}>
          <p>
            <strong>
              {result.messages.length === 0 ? 'Loa chưa gửi tin nào tới số này trong phạm vi của bạn.' : `Loa đã gửi ${result.messages.length} tin tới số này:`}
            </strong>
          </p>
          <DataTable
            id="lookup-results"
            rows={result.messages}
            rowKey={(message) => `${message.campaignId}-${message.sentAt ?? ''}`}
            rowAttributes={(message) => ({ 'data-campaign': String(message.campaignId), 'data-state': message.state })}
            empty=""
            columns={[
              { header: 'Gửi lúc', cell: (message) => formatTime(message.sentAt) },
              { header: 'Chiến dịch', cell: (message) => message.campaignName },
              { header: 'Tỉnh', cell: (message) => provinceName(message.provinceCode) },
              { header: 'Nhà mạng', cell: (message) => CARRIERS[message.carrier] ?? message.carrier },
              { header: 'Trạng thái', cell: (message) => MESSAGE_STATES[message.state] ?? message.state },
              { header: 'Báo nhận', cell: (message) => message.receipt ?? '—' },
              { header: 'Nội dung', className: 'wrap', cell: (message) => <span className="sms">{message.text}</span> },
            ]}
          />
        </div>
      )}
    </section>
  );
}
