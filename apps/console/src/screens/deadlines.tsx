import { useState } from 'react';
import { answer, api } from '../api/client';
import { type CampaignState, type DeadlineEntry } from '../api/models';
import { DataTable } from '../components/data-table';
import { DeadlineVerdict } from '../components/deadline-verdict';
import { StateBadge } from '../components/state-badge';
import { formatNumber, formatPercent, formatTime } from '../format';
import { usePolled } from '../hooks';
import '../admin.css';

const SPANS = [7, 30, 90, 366];

/** Reports due soon: campaigns and programmes whose report deadline falls within the chosen days, soonest first. */
export function DeadlinesScreen() {
  const [days, setDays] = useState(30);
  const deadlines = usePolled(() => answer<DeadlineEntry[]>(api.GET('/reports/deadlines', { params: { query: { days } } })), [days]);
  return (
    <section className="card" aria-labelledby="deadlines-list-title">
      <h2 id="deadlines-list-title">Hạn nộp báo cáo</h2>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Đến hạn trong
          <select name="deadline-days" value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {SPANS.map((span) => (
              <option key={span} value={span}>
                {span} ngày tới
              </option>
            ))}
          </select>
        </label>
      </form>
      <DataTable
        id="deadline-list"
        rows={deadlines.data ?? []}
        rowKey={(entry) => `${entry.kind}-${entry.id}`}
        rowAttributes={(entry) => ({ 'data-kind': entry.kind, 'data-id': String(entry.id) })}
        empty={deadlines.data ? `Không có báo cáo nào đến hạn trong ${days} ngày tới.` : 'Đang tải…'}
        columns={[
          { header: 'Hạn', cell: (entry) => <strong>{formatTime(entry.reportDeadline)}</strong> },
          { header: 'Tên', cell: (entry) => entry.name },
          { header: 'Loại', cell: (entry) => (entry.kind === 'programme' ? 'Chương trình' : 'Chiến dịch') },
          { header: 'Trạng thái', cell: (entry) => (entry.kind === 'campaign' ? <StateBadge state={entry.state as CampaignState} /> : entry.stateLabel) },
          { header: 'Đã nhận / mục tiêu', cell: (entry) => `${formatNumber(entry.delivered)} / ${formatNumber(entry.targeted)}` },
          { header: 'Tỷ lệ nhận', cell: (entry) => formatPercent(entry.deliveryRate) },
          { header: 'Kịp hạn?', cell: (entry) => <DeadlineVerdict entry={entry} /> },
        ]}
      />
    </section>
  );
}
