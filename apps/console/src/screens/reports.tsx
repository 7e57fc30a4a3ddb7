import { useState } from 'react';
import { answer, api } from '../api/client';
import { type FullCampaignReport } from '../api/admin-models';
import { type CampaignState } from '../api/models';
import { CampaignPicker } from '../components/campaign-picker';
import { DataTable } from '../components/data-table';
import { ExportButtons } from '../components/exports';
import { ReportRowsTable, TotalsList } from '../components/report-tables';
import { StateBadge } from '../components/state-badge';
import { TimelineChart } from '../components/timeline-chart';
import { formatNumber, formatTime } from '../format';
import { usePolled } from '../hooks';
import { CarrierFigures } from './carrier-figures';
import '../admin.css';

const ERROR_SOURCES: Record<string, string> = {
  receipt: 'Báo nhận của nhà mạng',
  submit: 'Nhà mạng từ chối khi gửi',
  loa: 'Loa (không có trả lời, không có báo nhận)',
};

/** Reports: find a campaign, read its delivery report on screen, and download it as CSV, Excel or a printable document. */
export function ReportsScreen() {
  const [selected, setSelected] = useState<number | null>(null);
  return (
    <div className="grid">
      <section className="card wide" aria-labelledby="reports-title">
        <h2 id="reports-title">Báo cáo chiến dịch</h2>
        <CampaignPicker id="report-campaigns" selected={selected} onOpen={(campaign) => setSelected(campaign.id)} />
      </section>
      {selected !== null && <CampaignReportView key={selected} id={selected} />}
    </div>
  );
}

export function CampaignReportView({ id }: { id: number }) {
  const report = usePolled(() => answer<FullCampaignReport>(api.GET('/campaigns/{id}/report', { params: { path: { id } } })), [id]);
  if (!report.data) return <p className="muted">Đang tải báo cáo…</p>;
  const data = report.data;
  return (
    <section className="card wide" aria-labelledby="report-title" data-report={id}>
      <h2 id="report-title">Báo cáo: {data.campaignName}</h2>
      <p className="muted">
        <StateBadge state={data.state as CampaignState} /> · số liệu tính đến {formatTime(data.countedUntil)}
        {data.reportDeadline && <> · hạn báo cáo {formatTime(data.reportDeadline)}</>}
        {data.programme && <> · thuộc chương trình "{data.programme.name}"</>}
      </p>
      <ExportButtons path={`/campaigns/${id}/report`} fileStem={`bao-cao-chien-dich-${id}`} />
      <h3>Tổng hợp</h3>
      <TotalsList totals={data.totals} id="report-totals" />
      <p>
        Gửi từ {formatTime(data.times.firstSentAt)} đến {formatTime(data.times.lastSentAt)}; báo nhận đầu tiên {formatTime(data.times.firstReceiptAt)}, cuối
        cùng {formatTime(data.times.lastReceiptAt)}.
      </p>
      {data.atDeadline && (
        <p className="info" data-at-deadline>
          Chốt tại hạn báo cáo ({formatTime(data.reportDeadline)}): đã nhận {formatNumber(data.atDeadline.totals.delivered)} /{' '}
          {formatNumber(data.atDeadline.totals.targeted)} thuê bao.
        </p>
      )}
      <h3>Theo tỉnh và nhà mạng</h3>
      <ReportRowsTable rows={data.rows} id="report-rows" />
      <h3>Lý do không thành công</h3>
      <DataTable
        id="report-errors"
        rows={data.errors}
        rowKey={(error) => `${error.source}-${error.state}-${error.reason}`}
        empty="Không có tin nào không thành công."
        columns={[
          { header: 'Nguồn', cell: (error) => ERROR_SOURCES[error.source] ?? error.source },
          { header: 'Lý do', cell: (error) => <code>{error.reason}</code> },
          { header: 'Số tin', className: 'number', cell: (error) => formatNumber(error.messages) },
        ]}
      />
      <h3>Diễn biến theo thời gian</h3>
      <TimelineChart timeline={data.timeline} />
      <h3>Số liệu nhà mạng báo cáo</h3>
      <CarrierFigures reports={data.carrierReports} />
    </section>
  );
}
