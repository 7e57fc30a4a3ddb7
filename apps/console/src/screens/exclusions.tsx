import { type FormEvent, useState } from 'react';
import { answer, api } from '../api/client';
import { type Exclusion, type ExclusionPage } from '../api/admin-models';
import { ConfirmDialog, type ConfirmRequest } from '../components/confirm-dialog';
import { DataTable } from '../components/data-table';
import { useAction } from '../components/notices';
import { useSession } from '../context';
import { formatNumber, formatTime } from '../format';
import { usePolled } from '../hooks';
import { Pager } from './campaign-filters';
import '../admin.css';

const PAGE_SIZE = 50;

/** Numbers that never receive a campaign, whatever list they come in on (applied when a campaign is materialised). */
export function ExclusionsScreen() {
  const act = useAction();
  const { provinceName } = useSession();
  const [offset, setOffset] = useState(0);
  const [numbers, setNumbers] = useState('');
  const [reason, setReason] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const list = usePolled(() => answer<ExclusionPage>(api.GET('/subscribers/exclusions', { params: { query: { limit: PAGE_SIZE, offset } } })), [offset], {
    poll: false,
  });

  async function add(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const msisdns = numbers
      .split(/[\n,;]/)
      .map((number) => number.trim())
      .filter((number) => number !== '');
    const ok = await act(async () => {
      const result = await answer<{ added: string[]; alreadyExcluded: string[] }>(
        api.POST('/subscribers/exclusions', { body: { msisdns, ...(reason.trim() ? { reason: reason.trim() } : {}) } }),
      );
      setAdded(
        `Đã thêm ${formatNumber(result.added.length)} số vào danh sách loại trừ` +
          (result.alreadyExcluded.length ? `; ${formatNumber(result.alreadyExcluded.length)} số đã có sẵn.` : '.'),
      );
    });
    if (ok) {
      setNumbers('');
      setReason('');
      list.reload();
    }
  }

  function remove(exclusion: Exclusion) {
    setConfirm({
      title: `Bỏ loại trừ số ${exclusion.msisdn}`,
      message: 'Số này sẽ lại nhận tin của các chiến dịch tạo danh sách gửi sau đây.',
      confirmLabel: 'Bỏ loại trừ',
      danger: true,
      onConfirm: async () => {
        await act(() => answer(api.DELETE('/subscribers/exclusions/{msisdn}', { params: { path: { msisdn: exclusion.msisdn } } })));
        list.reload();
      },
    });
  }

  return (
    <div className="grid">
      <section className="card wide" aria-labelledby="exclusions-title">
        <h2 id="exclusions-title">Danh sách loại trừ {list.data && <span className="muted">({formatNumber(list.data.total)} số)</span>}</h2>
        <DataTable
          id="exclusions"
          rows={list.data?.items ?? []}
          rowKey={(exclusion) => exclusion.msisdn}
          rowAttributes={(exclusion) => ({ 'data-msisdn': exclusion.msisdn })}
          empty={list.data ? 'Không có số nào bị loại trừ trong phạm vi của bạn.' : 'Đang tải…'}
          columns={[
            { header: 'Số điện thoại', cell: (exclusion) => exclusion.msisdn },
            {
              header: 'Tỉnh, thành phố',
              cell: (exclusion) => (exclusion.provinceCode ? provinceName(exclusion.provinceCode) : 'Chưa có trong danh sách thuê bao'),
            },
            { header: 'Lý do', className: 'wrap', cell: (exclusion) => exclusion.reason ?? '—' },
            { header: 'Thêm lúc', cell: (exclusion) => formatTime(exclusion.createdAt) },
            {
              header: 'Thao tác',
              cell: (exclusion) => (
                <button type="button" className="secondary" data-action="remove-exclusion" onClick={() => remove(exclusion)}>
                  Bỏ loại trừ
                </button>
              ),
            },
          ]}
        />
        <Pager offset={offset} pageSize={PAGE_SIZE} hasMore={offset + PAGE_SIZE < (list.data?.total ?? 0)} onChange={setOffset} />
      </section>
      <section className="card" aria-labelledby="new-exclusion-title">
        <h2 id="new-exclusion-title">Thêm số loại trừ</h2>
        <form onSubmit={(event) => void add(event)}>
          <label>
            Số điện thoại (mỗi số một dòng)
            <textarea name="exclusion-msisdns" rows={4} required value={numbers} onChange={(e) => setNumbers(e.target.value)} />
          </label>
          <label>
            Lý do (ví dụ: thuê bao đề nghị qua điện thoại, phiếu số 1234)
            <input name="exclusion-reason" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" data-action="add-exclusions">
            Thêm vào danh sách loại trừ
          </button>
          {added && (
            <p className="ok" role="status">
              {added}
            </p>
          )}
        </form>
      </section>
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />}
    </div>
  );
}
