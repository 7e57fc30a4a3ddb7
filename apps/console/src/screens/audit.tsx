import { type FormEvent, useState } from 'react';
import { answer, api } from '../api/client';
import { type AuditRecord } from '../api/admin-models';
import { DataTable } from '../components/data-table';
import { exportPath, saveFile } from '../components/exports';
import { useAction } from '../components/notices';
import { VietnameseInput } from '../components/vietnamese-input';
import { formatTime, localInputToInstant } from '../format';
import { usePolled } from '../hooks';
import { Pager } from './campaign-filters';
import '../admin.css';

const PAGE_SIZE = 50;
/** The most an export holds (the API's largest page): the newest entries of the search. */
const EXPORT_LIMIT = 500;

/** What the log's actions mean; a kind alone ("campaign") finds all of its actions. */
export const AUDIT_ACTIONS: Record<string, string> = {
  campaign: 'Mọi thao tác trên chiến dịch',
  'campaign.create': 'Tạo chiến dịch',
  'campaign.pending_approval': 'Gửi duyệt chiến dịch',
  'campaign.scheduled': 'Duyệt (lên lịch) chiến dịch',
  'campaign.draft': 'Trả lại chiến dịch (từ chối)',
  'campaign.paused': 'Tạm dừng chiến dịch',
  'campaign.running': 'Tiếp tục chiến dịch',
  'campaign.cancelled': 'Hủy chiến dịch',
  'campaign.override': 'Vượt giới hạn gửi (có lý do)',
  'campaign.send-limits': 'Đổi giới hạn gửi',
  'campaign.test-send': 'Gửi thử',
  'campaign.test-send-refused': 'Gửi thử bị từ chối',
  'campaign.carrier-report': 'Ghi số liệu nhà mạng báo cáo',
  template: 'Mọi thao tác trên mẫu tin',
  'template.create': 'Tạo mẫu tin',
  'template.pending': 'Gửi duyệt mẫu tin',
  'template.approved': 'Duyệt mẫu tin',
  'template.rejected': 'Từ chối mẫu tin',
  user: 'Mọi thao tác trên người dùng',
  'user.create': 'Tạo người dùng',
  'user.update': 'Sửa người dùng (vai trò, phạm vi, mật khẩu, khóa)',
  'province.update': 'Sửa đường dây nóng, kênh liên hệ',
  'test-number.register': 'Thêm số thử nghiệm',
  'subscribers.import': 'Nhập danh sách thuê bao',
  'subscribers.export_rejections': 'Tải các dòng nhập bị từ chối',
  'subscriber.lookup': 'Tra cứu số điện thoại',
  'exclusions.add': 'Thêm số loại trừ',
  'exclusions.remove': 'Bỏ số loại trừ',
  'programme.create': 'Tạo chương trình',
  'auth.login_failed': 'Đăng nhập sai',
  'retention.purge_messages': 'Xóa dữ liệu tin nhắn hết hạn lưu',
};

const OBJECT_TYPES: Record<string, string> = {
  campaign: 'Chiến dịch',
  template: 'Mẫu tin',
  user: 'Người dùng',
  province: 'Tỉnh, thành phố',
  subscriber: 'Thuê bao',
  subscriber_import: 'Lần nhập thuê bao',
  subscriber_exclusion: 'Số loại trừ',
  subscriber_exclusions: 'Các số loại trừ',
  test_number: 'Số thử nghiệm',
  programme: 'Chương trình',
};

interface AuditSearch {
  action: string;
  user: string;
  objectType: string;
  objectId: string;
  /** datetime-local values, Viet Nam's wall clock. */
  from: string;
  to: string;
}

const EMPTY_SEARCH: AuditSearch = { action: '', user: '', objectType: '', objectId: '', from: '', to: '' };

function searchParams(search: AuditSearch): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [field, value] of Object.entries(search)) {
    if (value.trim() === '') continue;
    params[field] = field === 'from' || field === 'to' ? localInputToInstant(value) : value.trim();
  }
  return params;
}

/** The audit log: who did what, to which object and provinces, when and from where; searched, paged and exported. */
export function AuditScreen() {
  const act = useAction();
  const [search, setSearch] = useState<AuditSearch>(EMPTY_SEARCH);
  const [offset, setOffset] = useState(0);
  const entries = usePolled(
    () => answer<AuditRecord[]>(api.GET('/audit', { params: { query: { limit: PAGE_SIZE + 1, offset, ...searchParams(search) } } })),
    [search, offset],
    { poll: false },
  );
  const page = entries.data?.slice(0, PAGE_SIZE) ?? [];

  function exportCsv() {
    const path = exportPath('/audit', 'csv', { limit: String(EXPORT_LIMIT), ...searchParams(search) });
    void act(() => saveFile(path, 'nhat-ky-kiem-toan.csv'));
  }

  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">Nhật ký thao tác</h2>
      <AuditFilters
        onChange={(next) => {
          setSearch(next);
          setOffset(0);
        }}
      />
      <div className="buttons">
        <button type="button" className="secondary" data-action="export-audit" onClick={exportCsv}>
          Xuất CSV (dấu ;, {EXPORT_LIMIT} dòng mới nhất khớp tìm kiếm)
        </button>
      </div>
      <DataTable
        id="audit"
        rows={page}
        rowKey={(entry) => entry.id}
        rowAttributes={(entry) => ({ 'data-action': entry.action })}
        empty={entries.data ? 'Không có mục nhật ký nào khớp.' : 'Đang tải…'}
        columns={[
          { header: 'Thời điểm', cell: (entry) => formatTime(entry.at) },
          { header: 'Người thực hiện', cell: (entry) => entry.username ?? 'Hệ thống' },
          {
            header: 'Hành động',
            cell: (entry) => (
              <>
                {AUDIT_ACTIONS[entry.action] ?? entry.action}
                <div className="muted small">{entry.action}</div>
              </>
            ),
          },
          { header: 'Đối tượng', cell: (entry) => `${OBJECT_TYPES[entry.objectType] ?? entry.objectType} ${entry.objectId}` },
          { header: 'Tỉnh', className: 'wrap', cell: (entry) => (entry.provinces === null ? 'Toàn quốc' : entry.provinces.join(', ')) },
          { header: 'Chi tiết', className: 'audit-details', cell: (entry) => <AuditDetails entry={entry} /> },
          { header: 'Nguồn', className: 'muted small', cell: (entry) => entry.remoteAddr ?? '—' },
        ]}
      />
      <Pager offset={offset} pageSize={PAGE_SIZE} hasMore={(entries.data?.length ?? 0) > PAGE_SIZE} onChange={setOffset} />
    </section>
  );
}

/** Before, after and details as "field: value" lines; long ones folded behind "Xem chi tiết". */
function AuditDetails({ entry }: { entry: AuditRecord }) {
  const parts: [string, Record<string, unknown> | null][] = [
    ['Trước', entry.before],
    ['Sau', entry.after],
    ['Chi tiết', Object.keys(entry.details).length ? entry.details : null],
  ];
  const lines = parts.flatMap(([label, value]) => (value ? [`${label}: ${fieldsText(value)}`] : []));
  if (lines.length === 0) return <>—</>;
  const text = lines.join('\n');
  if (text.length <= 120) return <span className="audit-text">{text}</span>;
  return (
    <details>
      <summary>{`${text.slice(0, 80)}…`}</summary>
      <span className="audit-text">{text}</span>
    </details>
  );
}

function fieldsText(value: Record<string, unknown>): string {
  return Object.entries(value)
    .map(([key, inner]) => `${key} = ${typeof inner === 'object' && inner !== null ? JSON.stringify(inner) : String(inner)}`)
    .join('; ');
}

function AuditFilters({ onChange }: { onChange(search: AuditSearch): void }) {
  const [draft, setDraft] = useState(EMPTY_SEARCH);
  const set = (field: keyof AuditSearch) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Tìm trong nhật ký">
      <label>
        Hành động
        <input name="audit-action" list="audit-actions" value={draft.action} onChange={set('action')} placeholder="campaign.approve" />
        <datalist id="audit-actions">
          {Object.entries(AUDIT_ACTIONS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </datalist>
      </label>
      <label>
        Người thực hiện
        <input name="audit-user" type="search" value={draft.user} onChange={set('user')} />
      </label>
      <label>
        Loại đối tượng
        <select name="audit-object-type" value={draft.objectType} onChange={set('objectType')}>
          <option value="">Tất cả</option>
          {Object.entries(OBJECT_TYPES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Mã đối tượng
        <input name="audit-object-id" value={draft.objectId} onChange={set('objectId')} />
      </label>
      <label>
        Từ lúc
        <VietnameseInput kind="datetime" name="audit-from" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
      </label>
      <label>
        Đến trước lúc
        <VietnameseInput kind="datetime" name="audit-to" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
      </label>
      <div className="buttons">
        <button type="submit" data-action="search-audit">
          Tìm
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDraft(EMPTY_SEARCH);
            onChange(EMPTY_SEARCH);
          }}
        >
          Xóa lọc
        </button>
      </div>
    </form>
  );
}
