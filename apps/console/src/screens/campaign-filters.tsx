import { type FormEvent, useState } from 'react';
import { type CampaignState } from '../api/models';
import { VietnameseInput } from '../components/vietnamese-input';
import { useSession } from '../context';
import { CAMPAIGN_STATES } from '../format';

export const PAGE_SIZE = 20;

/** The campaigns list's search, as GET /campaigns takes it (empty: not filtered). */
export interface CampaignQuery {
  state: CampaignState | '';
  province: string;
  /** Start date from / to, yyyy-mm-dd in Viet Nam. */
  from: string;
  to: string;
  q: string;
}

export const EMPTY_QUERY: CampaignQuery = { state: '', province: '', from: '', to: '', q: '' };

/** Search by name, state, province and start date; applied when the user presses "Lọc". */
export function CampaignFilters({ query, onChange }: { query: CampaignQuery; onChange(query: CampaignQuery): void }) {
  const { provinces } = useSession();
  const [draft, setDraft] = useState(query);
  const set = (field: keyof CampaignQuery) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Tìm chiến dịch">
      <label>
        Tên chiến dịch
        <input name="q" type="search" value={draft.q} onChange={set('q')} />
      </label>
      <label>
        Trạng thái
        <select name="state" value={draft.state} onChange={set('state')}>
          <option value="">Tất cả</option>
          {Object.entries(CAMPAIGN_STATES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tỉnh, thành phố
        <select name="province" value={draft.province} onChange={set('province')}>
          <option value="">Tất cả</option>
          {provinces.map((province) => (
            <option key={province.code} value={province.code}>
              {province.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Bắt đầu từ ngày
        <VietnameseInput kind="date" name="from" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
      </label>
      <label>
        đến ngày
        <VietnameseInput kind="date" name="to" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
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

export function Pager({ offset, pageSize, hasMore, onChange }: { offset: number; pageSize: number; hasMore: boolean; onChange(offset: number): void }) {
  if (offset === 0 && !hasMore) return null;
  return (
    <nav className="pager" aria-label="Trang">
      <button type="button" className="secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>
        ‹ Trang trước
      </button>
      <span>Trang {Math.floor(offset / pageSize) + 1}</span>
      <button type="button" className="secondary" disabled={!hasMore} onClick={() => onChange(offset + pageSize)}>
        Trang sau ›
      </button>
    </nav>
  );
}
