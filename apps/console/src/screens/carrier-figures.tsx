import { type FormEvent, useState } from 'react';
import { answer, api } from '../api/client';
import { type CarrierReports, type FullCampaignReport, type NewCarrierReport } from '../api/admin-models';
import { type Carrier } from '../api/models';
import { CampaignPicker } from '../components/campaign-picker';
import { CertificatesTable, useCertificates } from '../components/certificates';
import { DataTable } from '../components/data-table';
import { useAction } from '../components/notices';
import { VietnameseInput } from '../components/vietnamese-input';
import { can, useSession } from '../context';
import { CARRIERS, formatNumber, formatTime } from '../format';
import { usePolled } from '../hooks';
import '../admin.css';

/** A difference with its sign: "+12", "−3", "0". */
function signed(value: number): string {
  return value > 0 ? `+${formatNumber(value)}` : value < 0 ? `−${formatNumber(-value)}` : '0';
}

/** What each carrier reported back for a campaign, beside Loa's own figures and the difference. */
export function CarrierFigures({ reports }: { reports: CarrierReports }) {
  if (reports === null)
    return <p className="muted">Chỉ người theo dõi mọi tỉnh của chiến dịch mới xem được số liệu nhà mạng báo cáo (nhà mạng báo cáo cả chiến dịch).</p>;
  return (
    <>
      <DataTable
        id="carrier-figures"
        rows={reports.reported}
        rowKey={(row) => row.carrier}
        rowAttributes={(row) => ({ 'data-carrier': row.carrier })}
        empty="Chưa nhà mạng nào báo cáo."
        columns={[
          {
            header: 'Nhà mạng',
            cell: (row) => (
              <>
                <strong>{CARRIERS[row.carrier] ?? row.carrier}</strong>
                <div className="muted small">
                  Văn bản {row.reported.reference ?? '(không số)'} ngày {row.reported.reportedOn.split('-').reverse().join('/')}
                </div>
              </>
            ),
          },
          { header: 'Mục tiêu: nhà mạng / Loa / chênh', cell: (row) => triple(row.reported.targeted, row.loa.targeted, row.difference.targeted) },
          { header: 'Đã gửi: nhà mạng / Loa / chênh', cell: (row) => triple(row.reported.sent, row.loa.submitted, row.difference.sent) },
          { header: 'Đã nhận: nhà mạng / Loa / chênh', cell: (row) => triple(row.reported.delivered, row.loa.delivered, row.difference.delivered) },
          { header: 'Ghi nhận lúc', cell: (row) => formatTime(row.reported.recordedAt) },
        ]}
      />
      {reports.notReported.length > 0 && (
        <p className="muted" data-not-reported>
          Chưa báo cáo: {reports.notReported.map((carrier) => CARRIERS[carrier] ?? carrier).join(', ')}.
        </p>
      )}
    </>
  );
}

function triple(carrier: number, loa: number, difference: number) {
  return (
    <span className={difference === 0 ? undefined : 'warn'}>
      {formatNumber(carrier)} / {formatNumber(loa)} / {signed(difference)}
    </span>
  );
}

/**
 * The carriers: each account's brandname certificate, then their own figures: choose a campaign, compare, and
 * (operators, admins) record what a carrier's letter says.
 */
export function CarrierFiguresScreen() {
  const { user } = useSession();
  const [selected, setSelected] = useState<number | null>(null);
  const certificates = useCertificates();
  return (
    <div className="grid">
      <section className="card wide" aria-labelledby="certificates-title">
        <h2 id="certificates-title">Tên định danh (brandname) và chứng nhận của Bộ Công an</h2>
        <p className="muted small">Chiến dịch chỉ được duyệt cho nhà mạng có chứng nhận còn hiệu lực tới khi gửi xong; trang Hôm nay cảnh báo trước 30 ngày.</p>
        <CertificatesTable certificates={certificates} />
      </section>
      <section className="card wide" aria-labelledby="carrier-figures-title">
        <h2 id="carrier-figures-title">Số liệu nhà mạng báo cáo so với Loa</h2>
        <CampaignPicker id="carrier-figure-campaigns" selected={selected} onOpen={(campaign) => setSelected(campaign.id)} />
      </section>
      {selected !== null && <CampaignCarrierFigures key={selected} id={selected} mayRecord={can(user, 'operator')} />}
    </div>
  );
}

function CampaignCarrierFigures({ id, mayRecord }: { id: number; mayRecord: boolean }) {
  const report = usePolled(() => answer<FullCampaignReport>(api.GET('/campaigns/{id}/report', { params: { path: { id } } })), [id], { poll: false });
  if (!report.data) return <p className="muted">Đang tải…</p>;
  return (
    <>
      <section className="card wide" aria-labelledby="campaign-figures-title" data-carrier-figures={id}>
        <h2 id="campaign-figures-title">{report.data.campaignName}</h2>
        <CarrierFigures reports={report.data.carrierReports} />
      </section>
      {mayRecord && report.data.carrierReports !== null && <RecordCarrierReport id={id} onRecorded={report.reload} />}
    </>
  );
}

function RecordCarrierReport({ id, onRecorded }: { id: number; onRecorded(): void }) {
  const act = useAction();
  const blank = { carrier: 'viettel' as Carrier, targeted: '', sent: '', delivered: '', reportedOn: '', reference: '' };
  const [form, setForm] = useState(blank);
  const set = (field: keyof typeof blank) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body: NewCarrierReport = {
      carrier: form.carrier,
      targeted: Number(form.targeted),
      sent: Number(form.sent),
      delivered: Number(form.delivered),
      reportedOn: form.reportedOn,
      ...(form.reference.trim() ? { reference: form.reference.trim() } : {}),
    };
    const ok = await act(() => answer(api.POST('/campaigns/{id}/carrier-reports', { params: { path: { id } }, body })));
    if (ok) {
      setForm(blank);
      onRecorded();
    }
  }

  return (
    <section className="card" aria-labelledby="record-figures-title">
      <h2 id="record-figures-title">Ghi số liệu nhà mạng báo cáo</h2>
      <form className="filters" onSubmit={(event) => void submit(event)}>
        <label>
          Nhà mạng
          <select name="figures-carrier" value={form.carrier} onChange={set('carrier')}>
            {Object.entries(CARRIERS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Mục tiêu
          <input name="figures-targeted" type="number" min={0} required value={form.targeted} onChange={set('targeted')} />
        </label>
        <label>
          Đã gửi
          <input name="figures-sent" type="number" min={0} required value={form.sent} onChange={set('sent')} />
        </label>
        <label>
          Đã nhận
          <input name="figures-delivered" type="number" min={0} required value={form.delivered} onChange={set('delivered')} />
        </label>
        <label>
          Ngày văn bản
          <VietnameseInput kind="date" name="figures-date" required value={form.reportedOn} onChange={(reportedOn) => setForm({ ...form, reportedOn })} />
        </label>
        <label>
          Số văn bản
          <input name="figures-reference" maxLength={200} value={form.reference} onChange={set('reference')} placeholder="1234/VTT-KD" />
        </label>
        <div className="buttons">
          <button type="submit" data-action="record-figures">
            Ghi nhận
          </button>
        </div>
      </form>
    </section>
  );
}
