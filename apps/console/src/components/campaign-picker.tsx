import { useState } from 'react';
import { answer, api } from '../api/client';
import { type Campaign } from '../api/models';
import { useSession } from '../context';
import { formatTime } from '../format';
import { usePolled } from '../hooks';
import { CampaignFilters, type CampaignQuery, EMPTY_QUERY, PAGE_SIZE, Pager } from '../screens/campaign-filters';
import { DataTable } from './data-table';
import { ProvinceList, StateBadge } from './state-badge';

/** The campaigns of your provinces, searched and paged, to open one (by click, Enter or Space). */
export function CampaignPicker({ id, selected, onOpen }: { id: string; selected: number | null; onOpen(campaign: Campaign): void }) {
  const { provinceName, provinces } = useSession();
  const [query, setQuery] = useState<CampaignQuery>(EMPTY_QUERY);
  const [offset, setOffset] = useState(0);
  const campaigns = usePolled(
    () => {
      const filters = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
      return answer<Campaign[]>(api.GET('/campaigns', { params: { query: { limit: PAGE_SIZE + 1, offset, ...filters } } }));
    },
    [query, offset],
    { poll: false },
  );
  return (
    <>
      <CampaignFilters
        query={query}
        onChange={(next) => {
          setQuery(next);
          setOffset(0);
        }}
      />
      <DataTable
        id={id}
        rows={campaigns.data?.slice(0, PAGE_SIZE) ?? []}
        rowKey={(campaign) => campaign.id}
        rowAttributes={(campaign) => ({ 'data-campaign': String(campaign.id) })}
        onOpen={onOpen}
        selected={selected}
        empty={campaigns.data ? 'Không có chiến dịch nào khớp trong phạm vi của bạn.' : 'Đang tải…'}
        columns={[
          {
            header: 'Chiến dịch',
            cell: (campaign) => (
              <>
                <strong>{campaign.name}</strong>
                <div className="muted">#{campaign.id}</div>
              </>
            ),
          },
          { header: 'Trạng thái', cell: (campaign) => <StateBadge state={campaign.state} /> },
          { header: 'Tỉnh, thành phố', cell: (campaign) => <ProvinceList codes={campaign.provinces} name={provinceName} total={provinces.length} /> },
          { header: 'Bắt đầu', cell: (campaign) => formatTime(campaign.startAt) },
          { header: 'Hạn báo cáo', cell: (campaign) => formatTime(campaign.reportDeadline) },
        ]}
      />
      <Pager offset={offset} pageSize={PAGE_SIZE} hasMore={(campaigns.data?.length ?? 0) > PAGE_SIZE} onChange={setOffset} />
    </>
  );
}
