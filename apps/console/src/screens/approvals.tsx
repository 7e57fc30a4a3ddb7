import { useState } from 'react';
import { answer, api, ApiError } from '../api/client';
import { type Campaign, type CampaignDetail, type CampaignPlan, type CampaignText, type Carrier, type Template } from '../api/models';
import { ConfirmDialog, type ConfirmRequest } from '../components/confirm-dialog';
import { DataTable } from '../components/data-table';
import { useAction, useNotices } from '../components/notices';
import { PlanView, refusingCarriers } from '../components/plan-view';
import { ProvinceList, StateBadge } from '../components/state-badge';
import { TemplatePreviewPanel } from '../components/template-preview';
import { useSession } from '../context';
import { errorKey } from '../errors/catalog';
import { CARRIERS, carrierName, describeWindow, ENCODINGS, formatNumber, formatTime, POLICIES, TEMPLATE_STATUSES } from '../format';
import { usePolled } from '../hooks';

type Selected = { kind: 'template'; id: number } | { kind: 'campaign'; id: number } | null;

interface AuditEntry {
  objectId: string;
  details: { overrides?: string[]; reason?: string };
  at: string;
}

/** The overrides as the API words them in the audit log (libs/campaigns send-limit-overrides), in Vietnamese. */
function overrideText(override: string): string {
  if (override.startsWith('send window lifted')) return 'Gửi cả ngày đêm';
  const opens = /^send window (\d{2}:\d{2})–(\d{2}:\d{2}) opens outside/.exec(override);
  if (opens) return `Khung giờ ${opens[1]} – ${opens[2]} mở ngoài khung mặc định`;
  if (override.startsWith('daily cap per subscriber lifted')) return 'Bỏ giới hạn số tin mỗi ngày cho một thuê bao';
  return override;
}

/** The approver's queue: templates and campaigns waiting, each with what is needed to decide. */
export function ApprovalsScreen() {
  const [selected, setSelected] = useState<Selected>(null);
  // Each opening reads the campaign afresh: one sent back and submitted again is reviewed as it is now.
  const [openings, setOpenings] = useState(0);
  const templates = usePolled(() => answer<Template[]>(api.GET('/templates', { params: { query: { limit: 500 } } })), []);
  const campaigns = usePolled(() => answer<Campaign[]>(api.GET('/campaigns', { params: { query: { limit: 500, state: 'pending_approval' } } })), []);
  const pendingTemplates = templates.data?.filter((template) => template.status === 'pending') ?? [];
  const pendingCampaigns = campaigns.data?.filter((campaign) => campaign.state === 'pending_approval') ?? [];
  const { provinceName, provinces } = useSession();
  const reload = () => {
    templates.reload();
    campaigns.reload();
  };

  return (
    <div className="columns">
      <div>
        <section className="card" aria-labelledby="queue-campaigns">
          <h2 id="queue-campaigns">Chiến dịch chờ duyệt ({pendingCampaigns.length})</h2>
          <DataTable
            id="pending-campaigns"
            rows={pendingCampaigns}
            rowKey={(campaign) => campaign.id}
            rowAttributes={(campaign) => ({ 'data-campaign': String(campaign.id) })}
            onOpen={(campaign) => {
              setSelected({ kind: 'campaign', id: campaign.id });
              setOpenings((count) => count + 1);
            }}
            selected={selected?.kind === 'campaign' ? selected.id : null}
            empty={campaigns.data ? 'Không có chiến dịch nào chờ duyệt.' : 'Đang tải…'}
            columns={[
              { header: 'Chiến dịch', cell: (campaign) => <strong>{campaign.name}</strong> },
              { header: 'Tỉnh, thành phố', cell: (campaign) => <ProvinceList codes={campaign.provinces} name={provinceName} total={provinces.length} /> },
              { header: 'Bắt đầu', cell: (campaign) => formatTime(campaign.startAt) },
            ]}
          />
        </section>
        <section className="card" aria-labelledby="queue-templates">
          <h2 id="queue-templates">Mẫu tin chờ duyệt ({pendingTemplates.length})</h2>
          <DataTable
            id="pending-templates"
            rows={pendingTemplates}
            rowKey={(template) => template.id}
            rowAttributes={(template) => ({ 'data-template': String(template.id) })}
            onOpen={(template) => setSelected({ kind: 'template', id: template.id })}
            selected={selected?.kind === 'template' ? selected.id : null}
            empty={templates.data ? 'Không có mẫu tin nào chờ duyệt.' : 'Đang tải…'}
            columns={[
              { header: 'Mẫu tin', cell: (template) => <strong>{template.name}</strong> },
              { header: 'Phiên bản', cell: (template) => template.version },
              { header: 'Gửi duyệt lúc', cell: (template) => formatTime(template.submittedAt) },
            ]}
          />
        </section>
      </div>
      {selected?.kind === 'campaign' && <CampaignReview key={`c${selected.id}-${openings}`} id={selected.id} onDecided={reload} />}
      {selected?.kind === 'template' && (
        <TemplateReview key={`t${selected.id}`} template={pendingTemplates.find((template) => template.id === selected.id) ?? null} onDecided={reload} />
      )}
    </div>
  );
}

function TemplateReview({ template, onDecided }: { template: Template | null; onDecided(): void }) {
  const act = useAction();
  const { user, provinces } = useSession();
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  if (!template) return <section className="card">Mẫu tin này không còn chờ duyệt.</section>;
  const scope = template.provinces ?? user.provinceScope ?? provinces.map((province) => province.code);

  const decide = (decision: 'approve' | 'reject') =>
    setConfirm({
      title: decision === 'approve' ? `Duyệt mẫu tin "${template.name}"?` : `Từ chối mẫu tin "${template.name}"`,
      message: decision === 'approve' ? 'Sau khi duyệt, phiên bản này không thể sửa nữa và được dùng cho chiến dịch.' : 'Người soạn sẽ thấy lý do để sửa.',
      confirmLabel: decision === 'approve' ? 'Duyệt' : 'Từ chối',
      reasonLabel: decision === 'reject' ? 'Lý do từ chối' : undefined,
      danger: decision === 'reject',
      onConfirm: async (reason) => {
        const path = { params: { path: { id: template.id } } };
        const done = await act(() =>
          decision === 'approve'
            ? answer(api.POST('/templates/{id}/approve', path))
            : answer(api.POST('/templates/{id}/reject', { ...path, body: { reason } })),
        );
        if (done) onDecided();
      },
    });

  return (
    <section className="card" aria-labelledby="review-title" data-review-template={template.id}>
      <h2 id="review-title">
        Mẫu tin #{template.id}: {template.name}
      </h2>
      <p>
        <span className={`state state-${template.status}`}>{TEMPLATE_STATUSES[template.status]}</span> · phiên bản {template.version} · mã hóa{' '}
        {POLICIES[template.encodingPolicy]} · tối đa {template.maxSegments} phần
      </p>
      <p className="sms">{template.body}</p>
      <div className="buttons">
        <button type="button" data-action="approve-template" onClick={() => decide('approve')}>
          Duyệt
        </button>
        <button type="button" className="danger" data-action="reject-template" onClick={() => decide('reject')}>
          Từ chối
        </button>
      </div>
      <h3>Nội dung theo tỉnh và nhà mạng</h3>
      <TemplatePreviewPanel input={{ body: template.body, policy: template.encodingPolicy, maxSegments: template.maxSegments, provinces: scope.slice(0, 3) }} />
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />}
    </section>
  );
}

function CampaignReview({ id, onDecided }: { id: number; onDecided(): void }) {
  const { provinceName } = useSession();
  const { report, clearActions } = useNotices();
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [missesDeadline, setMissesDeadline] = useState(false);
  // Carriers the approver leaves out (those that would refuse the texts, ticked from the start): null until the plan is read.
  const [excluded, setExcluded] = useState<string[] | null>(null);
  const data = usePolled(
    async () => {
      const path = { params: { path: { id } } };
      const [campaign, texts, plan, audit] = await Promise.all([
        answer<CampaignDetail>(api.GET('/campaigns/{id}', path)),
        answer<CampaignText[]>(api.GET('/campaigns/{id}/texts', path)),
        answer<CampaignPlan>(api.GET('/campaigns/{id}/plan', path)),
        answer<AuditEntry[]>(api.GET('/audit', { params: { query: { action: 'campaign.override', objectType: 'campaign', limit: 500 } } })),
      ]);
      return { campaign, texts, plan, overrides: audit.filter((entry) => entry.objectId === String(id)) };
    },
    [id],
    { poll: false },
  );
  if (!data.data) return <section className="card">Đang tải…</section>;
  const { campaign, texts, plan, overrides } = data.data;
  const refusing = refusingCarriers(plan).filter((carrier) => campaign.carriers.includes(carrier as Carrier));
  const excludeCarriers = (excluded ?? refusing) as Carrier[];
  const kept = plan.carriers.filter((carrier) => !excludeCarriers.includes(carrier.carrier));
  const keptMessages = kept.reduce((sum, carrier) => sum + carrier.messages, 0);
  const keptParts = kept.reduce((sum, carrier) => sum + carrier.parts, 0);
  const leftOut = excludeCarriers.length > 0 ? ` Loại khỏi chiến dịch: ${excludeCarriers.map(carrierName).join(', ')}.` : '';
  const approval = excludeCarriers.length > 0 ? { excludeCarriers } : {};

  async function run(call: () => Promise<unknown>): Promise<void> {
    clearActions();
    try {
      await call();
      onDecided();
      data.reload();
    } catch (error) {
      // A missed deadline: the approver may acknowledge it with a reason.
      if (error instanceof ApiError && errorKey(error.body) === 'CONFLICT.DEADLINE_MISS') setMissesDeadline(true);
      report(error, 'action');
    }
  }

  const path = { params: { path: { id } } };
  const approve = () =>
    setConfirm({
      title: `Duyệt chiến dịch "${campaign.name}"?`,
      message: `Chiến dịch sẽ được lên lịch gửi lúc ${formatTime(campaign.startAt)} tới ${formatNumber(keptMessages)} thuê bao (${formatNumber(keptParts)} phần tin).${leftOut}`,
      confirmLabel: 'Duyệt',
      onConfirm: () => run(() => answer(api.POST('/campaigns/{id}/approve', { ...path, body: approval }))),
    });
  const reject = () =>
    setConfirm({
      title: `Từ chối chiến dịch "${campaign.name}"`,
      message: 'Chiến dịch trở về bản nháp; người soạn sẽ thấy lý do để sửa và gửi duyệt lại.',
      confirmLabel: 'Từ chối',
      reasonLabel: 'Lý do từ chối',
      danger: true,
      onConfirm: (reason) => run(() => answer(api.POST('/campaigns/{id}/reject', { ...path, body: { reason } }))),
    });
  const acknowledge = () =>
    setConfirm({
      title: `Duyệt dù không kịp hạn báo cáo?`,
      message: `${formatNumber(plan.unsentAtDeadline)} thuê bao sẽ chưa nhận được tin khi đến hạn ${formatTime(plan.reportDeadline)}. Lý do được ghi vào nhật ký.`,
      confirmLabel: 'Chấp nhận trễ hạn và duyệt',
      reasonLabel: 'Lý do chấp nhận trễ hạn',
      danger: true,
      onConfirm: (reason) => run(() => answer(api.POST('/campaigns/{id}/approve', { ...path, body: { ...approval, acknowledgeDeadlineMiss: true, reason } }))),
    });
  return (
    <section className="card" aria-labelledby="review-title" data-review-campaign={id}>
      <h2 id="review-title">
        Chiến dịch #{campaign.id}: {campaign.name}
      </h2>
      <p>
        <StateBadge state={campaign.state} /> · bắt đầu {formatTime(campaign.startAt)} · hạn báo cáo {formatTime(campaign.reportDeadline)} · hiệu lực{' '}
        {campaign.validityHours} giờ · ưu tiên {campaign.priority}
      </p>
      <p>
        Khung giờ gửi: {describeWindow(campaign.sendWindow)}
        {campaign.dailyCapLifted && ' · bỏ giới hạn số tin mỗi ngày'} · nhà mạng: {campaign.carriers.map((carrier) => CARRIERS[carrier] ?? carrier).join(', ')}
      </p>
      {overrides.length > 0 && (
        <div className="info" data-overrides>
          <strong>Ngoại lệ:</strong>
          <ul>
            {overrides.map((entry, index) => (
              <li key={index}>
                {(entry.details.overrides ?? []).map(overrideText).join(', ')} — lý do: <em>{entry.details.reason ?? '—'}</em> ({formatTime(entry.at)})
              </li>
            ))}
          </ul>
        </div>
      )}
      {campaign.state === 'pending_approval' && refusing.length > 0 && (
        <fieldset className="exclusions" data-exclude-carriers>
          <legend>Nhà mạng sẽ không nhận tin (xem kế hoạch bên dưới): loại khỏi chiến dịch khi duyệt</legend>
          {refusing.map((carrier) => (
            <label key={carrier} className="inline">
              <input
                type="checkbox"
                name="exclude-carrier"
                value={carrier}
                checked={excludeCarriers.includes(carrier as Carrier)}
                onChange={(event) => setExcluded(event.target.checked ? [...excludeCarriers, carrier] : excludeCarriers.filter((other) => other !== carrier))}
              />
              {carrierName(carrier)}
            </label>
          ))}
        </fieldset>
      )}
      {campaign.state === 'pending_approval' && (
        <div className="buttons">
          <button type="button" data-action="approve-campaign" onClick={approve}>
            Duyệt
          </button>
          <button type="button" className="danger" data-action="reject-campaign" onClick={reject}>
            Từ chối
          </button>
          {missesDeadline && (
            <button type="button" className="danger" data-action="acknowledge-deadline" onClick={acknowledge}>
              Chấp nhận trễ hạn
            </button>
          )}
        </div>
      )}
      <h3>Kế hoạch gửi so với hạn báo cáo</h3>
      <PlanView plan={plan} />
      <h3>Nội dung chính xác theo tỉnh và nhà mạng</h3>
      {texts.map((text) => (
        <section key={text.provinceCode} className="province-preview" data-text-province={text.provinceCode}>
          <h4>
            {provinceName(text.provinceCode)} · {formatNumber(plan.provinces.find((province) => province.code === text.provinceCode)?.messages ?? 0)} thuê bao
          </h4>
          <p className="sms">{text.text}</p>
          <p className="muted small">
            {ENCODINGS[text.encoding] ?? text.encoding} ·{' '}
            {Object.entries(text.carrierSegments)
              .map(([carrier, segments]) => `${CARRIERS[carrier] ?? carrier}: ${segments} phần`)
              .join(' · ') || `${text.segments} phần`}
          </p>
        </section>
      ))}
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />}
    </section>
  );
}
