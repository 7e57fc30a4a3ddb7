import { useState } from 'react';
import { answer, api } from '../api/client';
import { type Programme, type ProgrammeReport } from '../api/admin-models';
import { type CampaignState } from '../api/models';
import { DataTable } from '../components/data-table';
import { ExportButtons } from '../components/exports';
import { ReportRowsTable, TotalsList } from '../components/report-tables';
import { ProvinceList, StateBadge } from '../components/state-badge';
import { useSession } from '../context';
import { formatNumber, formatPercent, formatTime } from '../format';
import { usePolled } from '../hooks';
import { Pager } from './campaign-filters';
import { CarrierFigures } from './carrier-figures';
import '../admin.css';

const PAGE_SIZE = 20;

/** Programmes (a plan of several sends, with its letter's particulars): list, detail and the consolidated report. */
export function ProgrammesScreen() {
  const { provinceName, provinces } = useSession();
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const list = usePolled(() => answer<Programme[]>(api.GET('/programmes', { params: { query: { limit: PAGE_SIZE + 1, offset } } })), [offset], { poll: false });
  return (
    <div className="grid">
      <section className="card wide" aria-labelledby="programmes-title">
        <h2 id="programmes-title">Chương trình</h2>
        <DataTable
          id="programmes"
          rows={list.data?.slice(0, PAGE_SIZE) ?? []}
          rowKey={(programme) => programme.id}
          rowAttributes={(programme) => ({ 'data-programme': String(programme.id) })}
          onOpen={(programme) => setSelected(programme.id)}
          selected={selected}
          empty={list.data ? 'Chưa có chương trình nào trong phạm vi của bạn.' : 'Đang tải…'}
          columns={[
            {
              header: 'Chương trình',
              cell: (programme) => (
                <>
                  <strong>{programme.name}</strong>
                  <div className="muted">{programme.planReference ?? programme.documentNumber ?? `#${programme.id}`}</div>
                </>
              ),
            },
            { header: 'Đơn vị báo cáo', cell: (programme) => programme.issuingUnit },
            { header: 'Tỉnh, thành phố', cell: (programme) => <ProvinceList codes={programme.provinces} name={provinceName} total={provinces.length} /> },
            { header: 'Hạn báo cáo', cell: (programme) => formatTime(programme.reportDeadline) },
          ]}
        />
        <Pager offset={offset} pageSize={PAGE_SIZE} hasMore={(list.data?.length ?? 0) > PAGE_SIZE} onChange={setOffset} />
      </section>
      {selected !== null && <ProgrammeView key={selected} id={selected} />}
    </div>
  );
}

function ProgrammeView({ id }: { id: number }) {
  const report = usePolled(() => answer<ProgrammeReport>(api.GET('/programmes/{id}/report', { params: { path: { id } } })), [id]);
  if (!report.data) return <p className="muted">Đang tải…</p>;
  const { programme, campaigns, totals } = report.data;
  const particulars: [string, string | null][] = [
    ['Kế hoạch số', programme.planReference ?? programme.documentNumber],
    ['Cơ quan chủ quản', programme.governingBody],
    ['Đơn vị báo cáo', programme.issuingUnit],
    ['Căn cứ', programme.legalBasis],
    ['Cán bộ đầu mối', [programme.contactOfficer, programme.contactPhone].filter(Boolean).join(', ') || null],
    ['Hạn báo cáo', programme.reportDeadline ? formatTime(programme.reportDeadline) : null],
  ];
  return (
    <section className="card wide" aria-labelledby="programme-title" data-programme-report={id}>
      <h2 id="programme-title">{programme.name}</h2>
      <dl className="particulars">
        {particulars.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value ?? '—'}</dd>
          </div>
        ))}
      </dl>
      <ExportButtons path={`/programmes/${id}/report`} fileStem={`bao-cao-chuong-trinh-${id}`} />
      <h3>Tổng hợp cả chương trình (cập nhật {formatTime(report.data.generatedAt)})</h3>
      <TotalsList totals={totals} id="programme-totals" />
      <p>
        Số thuê bao khác nhau đã nhận ít nhất một tin: <strong>{formatNumber(report.data.distinctSubscribersReached)}</strong>.
      </p>
      <h3>Các chiến dịch</h3>
      <DataTable
        id="programme-campaigns"
        rows={campaigns}
        rowKey={(campaign) => campaign.campaignId}
        empty="Chương trình chưa có chiến dịch nào."
        columns={[
          { header: 'Chiến dịch', cell: (campaign) => campaign.campaignName },
          { header: 'Trạng thái', cell: (campaign) => <StateBadge state={campaign.state as CampaignState} /> },
          { header: 'Bắt đầu', cell: (campaign) => formatTime(campaign.startAt) },
          { header: 'Đã nhận / mục tiêu', cell: (campaign) => `${formatNumber(campaign.totals.delivered)} / ${formatNumber(campaign.totals.targeted)}` },
          { header: 'Tỷ lệ nhận', cell: (campaign) => formatPercent(campaign.totals.deliveryRate) },
        ]}
      />
      <h3>Theo tỉnh và nhà mạng (cả chương trình)</h3>
      <ReportRowsTable rows={report.data.rows} id="programme-rows" />
      {campaigns.map((campaign) => (
        <div key={campaign.campaignId}>
          <h3>Nhà mạng báo cáo: {campaign.campaignName}</h3>
          <CarrierFigures reports={campaign.carrierReports} />
        </div>
      ))}
    </section>
  );
}
