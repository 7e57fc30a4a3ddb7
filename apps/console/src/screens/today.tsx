import { useRef, useState } from 'react';
import { answer, api } from '../api/client';
import { type Campaign, type CampaignDetail, type CampaignReport, type CampaignState, type CarrierLink, type DeadlineEntry } from '../api/models';
import { CertificateWarnings, useCertificates } from '../components/certificates';
import { ConfirmDialog, type ConfirmRequest } from '../components/confirm-dialog';
import { type Column, DataTable } from '../components/data-table';
import { DeadlineVerdict, PausedVerdict, resumeNowOf } from '../components/deadline-verdict';
import { ExportButtons } from '../components/exports';
import { useAction } from '../components/notices';
import { Progress } from '../components/progress';
import { SendLimitsForm } from '../components/send-limits-form';
import { ProvinceList, StateBadge } from '../components/state-badge';
import { TimelineChart } from '../components/timeline-chart';
import { can, useSession } from '../context';
import { CAMPAIGN_STATES, CARRIERS, formatNumber, formatPercent, formatTime } from '../format';
import { usePolled } from '../hooks';
import { CampaignFilters, type CampaignQuery, EMPTY_QUERY, PAGE_SIZE, Pager } from './campaign-filters';

type Operation = 'pause' | 'resume' | 'cancel';

const OPERATIONS: { name: Operation; label: string; states: CampaignState[]; confirm: string; danger?: boolean }[] = [
  { name: 'pause', label: 'Tạm dừng', states: ['running'], confirm: 'Tạm dừng chiến dịch này? Tin đang chờ sẽ không được gửi cho tới khi tiếp tục.' },
  { name: 'resume', label: 'Tiếp tục', states: ['paused'], confirm: 'Tiếp tục gửi chiến dịch này?' },
  {
    name: 'cancel',
    label: 'Hủy',
    states: ['scheduled', 'running', 'paused'],
    confirm: 'Hủy chiến dịch này? Tin chưa gửi sẽ không bao giờ được gửi.',
    danger: true,
  },
];

const FINAL: CampaignState[] = ['completed', 'cancelled'];
const NO_REPORT: CampaignState[] = ['draft', 'pending_approval'];

/** Today's view: the campaigns with their one progress figure and send times, the carrier links and the report deadlines. */
export function TodayScreen() {
  const { user, provinceName, provinces, navigate } = useSession();
  const act = useAction();
  const [query, setQuery] = useState<CampaignQuery>(EMPTY_QUERY);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  // Reports of finished campaigns are read once; those still moving on every poll.
  const reports = useRef(new Map<number, CampaignReport>());

  const campaigns = usePolled(async () => {
    const list = await answer<Campaign[]>(api.GET('/campaigns', { params: { query: { limit: PAGE_SIZE + 1, offset, ...queryParams(query) } } }));
    await Promise.all(
      list
        .filter((campaign) => !NO_REPORT.includes(campaign.state))
        .filter((campaign) => !(FINAL.includes(campaign.state) && reports.current.get(campaign.id)?.state === campaign.state))
        .map(async (campaign) => reports.current.set(campaign.id, await fetchReport(campaign.id))),
    );
    return list;
  }, [offset, query]);
  const links = usePolled(() => answer<CarrierLink[]>(api.GET('/carriers/links')), []);
  const deadlines = usePolled(() => answer<DeadlineEntry[]>(api.GET('/reports/deadlines', { params: { query: { days: 30 } } })), []);
  const certificates = useCertificates();

  const page = campaigns.data?.slice(0, PAGE_SIZE) ?? [];
  const hasMore = (campaigns.data?.length ?? 0) > PAGE_SIZE;

  function operate(campaign: Campaign, operation: (typeof OPERATIONS)[number]) {
    setConfirm({
      title: `${operation.label}: ${campaign.name}`,
      message: operation.confirm,
      confirmLabel: operation.label,
      danger: operation.danger,
      onConfirm: async () => {
        await act(() => answer(api.POST(`/campaigns/{id}/${operation.name}`, { params: { path: { id: campaign.id } } })));
        campaigns.reload();
      },
    });
  }

  const columns: Column<Campaign>[] = [
    {
      header: 'Chiến dịch',
      cell: (campaign) => (
        <>
          <strong>{campaign.name}</strong>
          <div className="muted">
            #{campaign.id} · bắt đầu {formatTime(campaign.startAt)}
          </div>
        </>
      ),
    },
    { header: 'Trạng thái', cell: (campaign) => <StateBadge state={campaign.state} /> },
    { header: 'Tỉnh, thành phố', cell: (campaign) => <ProvinceList codes={campaign.provinces} name={provinceName} total={provinces.length} /> },
    {
      header: 'Tiến độ',
      className: 'campaign-progress',
      cell: (campaign) => {
        const report = reports.current.get(campaign.id);
        return report ? <Progress counts={report.totals} /> : <span className="muted">Chưa gửi</span>;
      },
    },
    { header: 'Thời gian gửi thực tế', cell: (campaign) => <SendTimes report={reports.current.get(campaign.id)} /> },
    {
      header: 'Thao tác',
      className: 'actions',
      cell: (campaign) => (
        <>
          {can(user, 'operator', 'approver') &&
            OPERATIONS.filter((operation) => operation.states.includes(campaign.state)).map((operation) => (
              <button
                key={operation.name}
                type="button"
                data-action={operation.name}
                className={operation.danger ? 'danger' : undefined}
                onClick={() => operate(campaign, operation)}
              >
                {operation.label}
              </button>
            ))}
          {can(user, 'approver') && campaign.state === 'pending_approval' && (
            <button type="button" data-action="review" onClick={() => navigate('cho-duyet')}>
              Xem để duyệt
            </button>
          )}
        </>
      ),
    },
  ];

  return (
    <div className="grid">
      <CertificateWarnings certificates={certificates} onDetails={() => navigate('so-lieu-nha-mang')} />
      <section className="card wide" aria-labelledby="campaigns-title">
        <h2 id="campaigns-title">Chiến dịch</h2>
        <CampaignFilters
          query={query}
          onChange={(next) => {
            setQuery(next);
            setOffset(0);
          }}
        />
        <DataTable
          id="campaigns"
          rows={page}
          columns={columns}
          rowKey={(campaign) => campaign.id}
          rowAttributes={(campaign) => ({ 'data-campaign': String(campaign.id) })}
          onOpen={(campaign) => setSelected(campaign.id)}
          selected={selected}
          empty={campaigns.data ? 'Không có chiến dịch nào khớp trong phạm vi của bạn.' : 'Đang tải…'}
        />
        <Pager offset={offset} pageSize={PAGE_SIZE} hasMore={hasMore} onChange={setOffset} />
      </section>

      {selected !== null && <CampaignReportCard key={selected} id={selected} />}

      <section className="card" aria-labelledby="carriers-title">
        <h2 id="carriers-title">Kết nối nhà mạng</h2>
        <CarrierLinks links={links.data} />
      </section>

      <section className="card" aria-labelledby="deadlines-title">
        <h2 id="deadlines-title">Hạn nộp báo cáo (30 ngày tới)</h2>
        <Deadlines items={deadlines.data} />
      </section>
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />}
    </div>
  );
}

function queryParams(query: CampaignQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

function fetchReport(id: number): Promise<CampaignReport> {
  return answer<CampaignReport>(api.GET('/campaigns/{id}/report', { params: { path: { id } } }));
}

/** When the campaign actually sent: its first and last submit, as the report counts them. */
function SendTimes({ report }: { report: CampaignReport | undefined }) {
  if (!report?.times.firstSentAt) return <span className="muted">—</span>;
  return (
    <span data-first-sent={report.times.firstSentAt}>
      {formatTime(report.times.firstSentAt)}
      {report.times.lastSentAt && report.times.lastSentAt !== report.times.firstSentAt && <> – {formatTime(report.times.lastSentAt)}</>}
    </span>
  );
}

function CampaignReportCard({ id }: { id: number }) {
  const { user } = useSession();
  const detail = usePolled(async () => {
    const [report, campaign] = await Promise.all([fetchReport(id), answer<CampaignDetail>(api.GET('/campaigns/{id}', { params: { path: { id } } }))]);
    return { report, campaign };
  }, [id]);
  if (!detail.data) return null;
  const { report, campaign } = detail.data;

  return (
    <section className="card wide" id="detail" aria-labelledby="detail-title">
      <h2 id="detail-title">Báo cáo chiến dịch: {report.campaignName}</h2>
      <p className="muted">
        <StateBadge state={report.state} /> cập nhật lúc {formatTime(report.generatedAt)}
        {report.reportDeadline && <> · hạn báo cáo {formatTime(report.reportDeadline)}</>}
      </p>
      <Progress counts={report.totals} />
      <p id="detail-estimate">
        <Estimate campaign={campaign} />
      </p>
      <p>
        Gửi thực tế: <SendTimes report={report} /> · báo nhận cuối lúc {formatTime(report.times.lastReceiptAt)} · tỷ lệ nhận{' '}
        {formatPercent(report.totals.deliveryRate)} · số phần tin tính cước {formatNumber(report.totals.partsBilled)}
      </p>
      <ExportButtons path={`/campaigns/${id}/report`} fileStem={`bao-cao-chien-dich-${id}`} />
      {can(user, 'approver') && !FINAL.includes(campaign.state) && (
        <>
          <h3>Khung giờ gửi và giới hạn</h3>
          <SendLimitsForm key={JSON.stringify([campaign.sendWindow, campaign.dailyCapLifted])} campaign={campaign} onSaved={detail.reload} />
        </>
      )}
      <h3>Tiến độ gửi theo thời gian</h3>
      <div id="timeline">
        <TimelineChart timeline={report.timeline} />
      </div>
      <h3>Theo tỉnh và nhà mạng</h3>
      <DataTable
        id="rows"
        rows={report.rows}
        rowKey={(row) => `${row.provinceCode}-${row.carrier}`}
        empty="Chưa có số liệu."
        columns={[
          { header: 'Tỉnh, thành phố', cell: (row) => row.provinceName },
          { header: 'Nhà mạng', cell: (row) => CARRIERS[row.carrier] ?? row.carrier },
          { header: 'Mục tiêu', cell: (row) => formatNumber(row.targeted) },
          { header: 'Đã gửi', cell: (row) => formatNumber(row.submitted) },
          { header: 'Đã nhận', cell: (row) => formatNumber(row.delivered) },
          { header: 'Không thành công', cell: (row) => formatNumber(row.failed) },
          { header: 'Đang chờ', cell: (row) => formatNumber(row.pending) },
          { header: 'Tiến độ', cell: (row) => <Progress counts={row} /> },
        ]}
      />
    </section>
  );
}

/**
 * The planner's estimate in words: when sending should end and whether it ends by the report deadline; while paused,
 * no finish of its own, only what a resume now would give.
 */
function Estimate({ campaign }: { campaign: CampaignDetail }) {
  const estimate = campaign.estimate;
  if (!estimate) {
    const why = FINAL.includes(campaign.state) ? 'chiến dịch đã kết thúc' : `chiến dịch ở trạng thái "${CAMPAIGN_STATES[campaign.state]}"`;
    return <span className="muted">Không có ước tính ({why}).</span>;
  }
  if (estimate.paused) return <PausedVerdict resumeNow={resumeNowOf(estimate)} />;
  const finish = estimate.estimatedFinishAt
    ? `Dự kiến gửi xong lúc ${formatTime(estimate.estimatedFinishAt)}`
    : 'Không ước tính được thời điểm gửi xong (quá 60 ngày)';
  const deadline =
    estimate.meetsDeadline === true
      ? ' · kịp hạn báo cáo'
      : estimate.meetsDeadline === false
        ? ` · không kịp hạn báo cáo: ${formatNumber(estimate.unsentAtDeadline)} tin chưa gửi khi đến hạn`
        : '';
  return <span data-estimated-finish={estimate.estimatedFinishAt ?? ''}>{`${finish}${deadline}.`}</span>;
}

function CarrierLinks({ links }: { links: CarrierLink[] | null }) {
  const samples = useRef(new Map<string, { at: number; pdus: number }[]>());
  if (!links) return <p className="muted">Đang tải…</p>;
  const now = Date.now();
  /** Submits per second over the last 5–15 s of polls (dispatchers report every few seconds). */
  const rate = (link: CarrierLink) => {
    const kept = (samples.current.get(link.carrier) ?? []).filter((sample) => now - sample.at <= 15_000);
    if (kept.at(-1)?.pdus !== link.pdusSent || now - (kept.at(-1)?.at ?? 0) > 1000) kept.push({ at: now, pdus: link.pdusSent });
    samples.current.set(link.carrier, kept);
    const first = kept[0];
    return now - first.at < 5000 ? null : Math.max(0, (link.pdusSent - first.pdus) / ((now - first.at) / 1000));
  };
  return (
    <DataTable
      id="carriers"
      rows={links}
      rowKey={(link) => link.carrier}
      rowAttributes={(link) => ({ 'data-carrier': link.carrier })}
      empty="Chưa có bộ gửi tin nào báo cáo."
      columns={[
        { header: 'Nhà mạng', cell: (link) => CARRIERS[link.carrier] ?? link.carrier },
        {
          header: 'Trạng thái',
          cell: (link) => <span className={`state state-${link.status}`}>{link.status === 'up' ? 'Hoạt động' : 'Mất kết nối'}</span>,
        },
        { header: 'Phiên', cell: (link) => formatNumber(link.boundSessions) },
        {
          header: 'Tốc độ / TPS',
          cell: (link) => {
            const perSecond = rate(link);
            return `${perSecond === null ? '…' : formatNumber(Math.round(perSecond))} / ${formatNumber(link.tps)} tin/giây`;
          },
        },
        { header: 'Cửa sổ', cell: (link) => `${formatNumber(link.inFlight)} / ${formatNumber(link.window)}` },
        {
          header: 'Điều tiết',
          cell: (link) => {
            const throttled = link.answers['88'] ?? 0;
            return `${formatNumber(link.throttlePauses)} lần${throttled > 0 ? ` (${formatNumber(throttled)} lần quá tải)` : ''}`;
          },
        },
        {
          header: 'Lỗi gần nhất',
          className: 'muted wrap',
          cell: (link) => (link.lastError ? `${link.lastError.message} (${formatTime(link.lastError.at)})` : '—'),
        },
      ]}
    />
  );
}

function Deadlines({ items }: { items: DeadlineEntry[] | null }) {
  if (!items) return <p className="muted">Đang tải…</p>;
  if (items.length === 0) return <p className="muted">Không có hạn báo cáo nào sắp tới.</p>;
  return (
    <ul id="deadlines" className="deadlines">
      {items.map((item) => (
        <li key={`${item.kind}-${item.id}`} data-kind={item.kind} data-id={item.id}>
          <strong>{item.name}</strong> — {item.kind === 'programme' ? 'chương trình' : 'chiến dịch'}, hạn {formatTime(item.reportDeadline)}
          <div className="muted">
            {item.stateLabel} · đã nhận {formatNumber(item.delivered)} / {formatNumber(item.targeted)} tin
            {item.deliveryRate !== null && ` · tỷ lệ nhận ${formatPercent(item.deliveryRate)}`}
          </div>
          <div className="small">
            <DeadlineVerdict entry={item} />
          </div>
        </li>
      ))}
    </ul>
  );
}
