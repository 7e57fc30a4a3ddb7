import { type FormEvent, useMemo, useRef, useState } from 'react';
import { answer, api } from '../api/client';
import { type AudienceCount, type Campaign, type CampaignDetail, type Carrier, type CampaignPlan, type NewCampaign, type Template } from '../api/models';
import { DataTable } from '../components/data-table';
import { useAction } from '../components/notices';
import { PlanView } from '../components/plan-view';
import { StateBadge } from '../components/state-badge';
import { VietnameseInput } from '../components/vietnamese-input';
import { useSession } from '../context';
import { CARRIER_IDS, CARRIERS, formatNumber, formatTime, instantToLocalInput, localInputToInstant, REGIONS, TEST_SEND_STATES } from '../format';
import { usePolled } from '../hooks';

interface TestNumber {
  msisdn: string;
  carrier: string;
  username?: string;
}

/** A new campaign: the form, its deadline plan before saving, then test sends and the submit for approval. */
export function CampaignFormScreen() {
  const [saved, setSaved] = useState<Campaign | null>(null);
  return (
    <>
      <Drafts onOpen={setSaved} />
      <div className="columns">
        <CampaignForm onSaved={setSaved} locked={saved !== null} />
        {saved && <SavedCampaign key={saved.id} id={saved.id} onDone={() => setSaved(null)} />}
      </div>
    </>
  );
}

/** Drafts not yet sent for approval, new or sent back by an approver: opened again to test, correct and submit. */
function Drafts({ onOpen }: { onOpen(campaign: Campaign): void }) {
  const { provinceName } = useSession();
  const drafts = usePolled(() => answer<Campaign[]>(api.GET('/campaigns', { params: { query: { limit: 50, state: 'draft' } } })), []);
  return (
    <section className="card" aria-labelledby="drafts-title">
      <h2 id="drafts-title">Bản nháp</h2>
      <DataTable
        id="drafts"
        rows={drafts.data ?? []}
        rowKey={(campaign) => campaign.id}
        onOpen={onOpen}
        empty="Không có bản nháp nào."
        columns={[
          { header: 'Chiến dịch', cell: (campaign) => campaign.name },
          { header: 'Tỉnh', cell: (campaign) => campaign.provinces.map(provinceName).join(', ') },
          { header: 'Bắt đầu', cell: (campaign) => formatTime(campaign.startAt) },
        ]}
      />
    </section>
  );
}

function CampaignForm({ onSaved, locked }: { onSaved(campaign: Campaign): void; locked: boolean }) {
  const { user, provinces } = useSession();
  const act = useAction();
  const scope = useMemo(() => user.provinceScope ?? provinces.map((province) => province.code), [user, provinces]);
  const tomorrow = instantToLocalInput(new Date(Date.now() + 86_400_000)).slice(0, 11) + '08:00';
  const [name, setName] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [carriers, setCarriers] = useState<string[]>([]);
  const [startAt, setStartAt] = useState(tomorrow);
  const [windowStart, setWindowStart] = useState('07:00');
  const [windowEnd, setWindowEnd] = useState('21:00');
  const [windowLifted, setWindowLifted] = useState(false);
  const [dailyCapLifted, setDailyCapLifted] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [validityHours, setValidityHours] = useState(24);
  const [priority, setPriority] = useState(0);
  const [reportDeadline, setReportDeadline] = useState('');
  const [plan, setPlan] = useState<{ plan: CampaignPlan; key: string } | null>(null);

  const templates = usePolled(() => answer<Template[]>(api.GET('/templates', { params: { query: { limit: 500 } } })), [], { poll: false });
  const audience = usePolled(() => answer<AudienceCount>(api.GET('/audiences/count')), [], { poll: false });
  const approved = templates.data?.filter((template) => template.status === 'approved') ?? [];
  const audienceOf = (code: string) => audience.data?.provinces.find((province) => province.code === code)?.total ?? 0;
  const overriding = windowLifted || dailyCapLifted || windowStart < '07:00' || windowEnd > '21:00';

  const request: NewCampaign = {
    name,
    templateId: Number(templateId),
    provinces: chosen,
    ...(carriers.length ? { carriers: carriers as Carrier[] } : {}),
    startAt: localInputToInstant(startAt),
    validityHours,
    priority,
    ...(reportDeadline ? { reportDeadline: localInputToInstant(reportDeadline) } : {}),
    ...(windowLifted ? { windowLifted: true } : { windowStart, windowEnd }),
    ...(dailyCapLifted ? { dailyCapLifted: true } : {}),
    ...(overriding && overrideReason.trim() ? { overrideReason: overrideReason.trim() } : {}),
  };
  const requestKey = JSON.stringify(request);

  const toggle = (list: string[], set: (next: string[]) => void, value: string) =>
    set(list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);
  const setRegion = (codes: string[], on: boolean) => setChosen(on ? [...new Set([...chosen, ...codes])] : chosen.filter((code) => !codes.includes(code)));

  const form = useRef<HTMLFormElement>(null);

  async function showPlan() {
    // The browser says what is missing or mistyped (a start not in HH:mm dd/mm/yyyy) before the API is asked.
    if (!form.current?.reportValidity()) return;
    await act(async () => setPlan({ plan: await answer<CampaignPlan>(api.POST('/campaigns/plan', { body: request })), key: requestKey }));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    await act(async () => onSaved(await answer<Campaign>(api.POST('/campaigns', { body: request }))));
  }

  return (
    <section className="card" aria-labelledby="campaign-form-title">
      <h2 id="campaign-form-title">Tạo chiến dịch</h2>
      <form ref={form} onSubmit={(event) => void save(event)}>
        <fieldset disabled={locked}>
          <label>
            Tên chiến dịch
            <input name="campaign-name" required maxLength={200} value={name} onChange={(event) => setName(event.target.value)} />
          </label>
          <label>
            Mẫu tin đã duyệt
            <select name="campaign-template" required value={templateId} onChange={(event) => setTemplateId(event.target.value)}>
              <option value="">— Chọn mẫu tin —</option>
              {approved.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name} (#{template.id}, phiên bản {template.version})
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>Tỉnh, thành phố ({formatNumber(chosen.reduce((sum, code) => sum + audienceOf(code), 0))} thuê bao)</legend>
            <div>
              <label className="inline">
                <input
                  type="checkbox"
                  name="all-provinces"
                  checked={chosen.length === scope.length}
                  onChange={(event) => setRegion(scope, event.target.checked)}
                />
                Tất cả ({scope.length})
              </label>
              {REGIONS.map((region) => {
                const codes = scope.filter(region.contains);
                if (codes.length === 0) return null;
                return (
                  <label key={region.id} className="inline">
                    <input
                      type="checkbox"
                      name={`region-${region.id}`}
                      checked={codes.every((code) => chosen.includes(code))}
                      onChange={(event) => setRegion(codes, event.target.checked)}
                    />
                    {region.label}
                  </label>
                );
              })}
            </div>
            <div className="province-grid">
              {provinces
                .filter((province) => scope.includes(province.code))
                .map((province) => (
                  <label key={province.code} className="inline">
                    <input
                      type="checkbox"
                      name="province"
                      value={province.code}
                      checked={chosen.includes(province.code)}
                      onChange={() => toggle(chosen, setChosen, province.code)}
                    />
                    {province.name} <span className="muted small">({formatNumber(audienceOf(province.code))})</span>
                  </label>
                ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>Nhà mạng (không chọn: mọi nhà mạng có tài khoản)</legend>
            {CARRIER_IDS.map((carrier) => (
              <label key={carrier} className="inline">
                <input
                  type="checkbox"
                  name="carrier"
                  value={carrier}
                  checked={carriers.includes(carrier)}
                  onChange={() => toggle(carriers, setCarriers, carrier)}
                />
                {CARRIERS[carrier]}
              </label>
            ))}
          </fieldset>
          <div className="filters">
            <label>
              Bắt đầu gửi (giờ Việt Nam)
              <VietnameseInput kind="datetime" name="campaign-start" required value={startAt} onChange={setStartAt} />
            </label>
            <label>
              Hạn báo cáo
              <VietnameseInput kind="datetime" name="campaign-deadline" value={reportDeadline} onChange={setReportDeadline} />
            </label>
            <label>
              Hiệu lực tin (giờ)
              <input
                name="campaign-validity"
                type="number"
                min={1}
                max={72}
                value={validityHours}
                onChange={(event) => setValidityHours(Number(event.target.value))}
              />
            </label>
            <label>
              Độ ưu tiên (0–9)
              <input name="campaign-priority" type="number" min={0} max={9} value={priority} onChange={(event) => setPriority(Number(event.target.value))} />
            </label>
          </div>
          <fieldset>
            <legend>Khung giờ gửi và giới hạn</legend>
            <div className="filters">
              <label>
                Từ
                <VietnameseInput kind="time" name="window-start" value={windowStart} disabled={windowLifted} onChange={setWindowStart} />
              </label>
              <label>
                Đến
                <VietnameseInput kind="time" name="window-end" value={windowEnd} disabled={windowLifted} onChange={setWindowEnd} />
              </label>
            </div>
            <label className="inline">
              <input type="checkbox" name="window-lifted" checked={windowLifted} onChange={(event) => setWindowLifted(event.target.checked)} />
              Gửi cả ngày đêm (khẩn cấp)
            </label>
            <label className="inline">
              <input type="checkbox" name="cap-lifted" checked={dailyCapLifted} onChange={(event) => setDailyCapLifted(event.target.checked)} />
              Bỏ giới hạn số tin mỗi ngày cho một thuê bao
            </label>
            {overriding && (
              <label>
                Lý do ngoại lệ (bắt buộc, được ghi nhật ký)
                <textarea name="override-reason" required rows={2} value={overrideReason} onChange={(event) => setOverrideReason(event.target.value)} />
              </label>
            )}
          </fieldset>
          <div className="buttons">
            <button type="button" className="secondary" data-action="plan" onClick={() => void showPlan()}>
              Xem kế hoạch gửi
            </button>
            <button type="submit" data-action="save-campaign">
              Lưu bản nháp
            </button>
          </div>
        </fieldset>
      </form>
      {plan && (
        <section aria-labelledby="plan-title">
          <h3 id="plan-title">
            Kế hoạch gửi {plan.key !== requestKey && <span className="muted small">(đã thay đổi, bấm "Xem kế hoạch gửi" để tính lại)</span>}
          </h3>
          <PlanView plan={plan.plan} />
        </section>
      )}
    </section>
  );
}

/** A saved draft: its test sends (to registered numbers, with the carrier's answer and receipt), then the submit. */
function SavedCampaign({ id, onDone }: { id: number; onDone(): void }) {
  const act = useAction();
  const { provinceName } = useSession();
  const [numbers, setNumbers] = useState<string[]>([]);
  const detail = usePolled(() => answer<CampaignDetail>(api.GET('/campaigns/{id}', { params: { path: { id } } })), [id]);
  const testNumbers = usePolled(() => answer<TestNumber[]>(api.GET('/test-numbers')), [], { poll: false });
  const campaign = detail.data;
  if (!campaign) return <section className="card">Đang tải…</section>;

  async function sendTests() {
    await act(async () => {
      await answer(api.POST('/campaigns/{id}/test-sends', { params: { path: { id } }, body: { msisdns: numbers } }));
      detail.reload();
    });
  }

  async function submit() {
    await act(async () => {
      await answer(api.POST('/campaigns/{id}/submit', { params: { path: { id } } }));
      detail.reload();
    });
  }

  return (
    <section className="card" aria-labelledby="saved-title" data-saved-campaign={id}>
      <h2 id="saved-title">
        Chiến dịch #{campaign.id}: {campaign.name}
      </h2>
      <p>
        <StateBadge state={campaign.state} /> · bắt đầu {formatTime(campaign.startAt)} · {campaign.provinces.map(provinceName).join(', ')}
      </p>
      {campaign.rejection && (
        <p className="error" data-campaign-rejection>
          Bị từ chối bởi {campaign.rejection.by ?? 'lãnh đạo'} lúc {formatTime(campaign.rejection.at)} vì: {campaign.rejection.reason}
        </p>
      )}
      <h3>Gửi thử</h3>
      {campaign.state === 'draft' && (
        <fieldset>
          <legend>Số thử nghiệm đã đăng ký</legend>
          {(testNumbers.data ?? []).length === 0 && <p className="muted">Chưa có số thử nghiệm nào; quản trị viên đăng ký số cho bạn.</p>}
          {(testNumbers.data ?? []).map((number) => (
            <label key={number.msisdn} className="inline">
              <input
                type="checkbox"
                name="test-number"
                value={number.msisdn}
                checked={numbers.includes(number.msisdn)}
                onChange={() => setNumbers(numbers.includes(number.msisdn) ? numbers.filter((n) => n !== number.msisdn) : [...numbers, number.msisdn])}
              />
              {number.msisdn} ({CARRIERS[number.carrier] ?? number.carrier})
            </label>
          ))}
          <div className="buttons">
            <button type="button" data-action="test-send" disabled={numbers.length === 0} onClick={() => void sendTests()}>
              Gửi thử
            </button>
          </div>
        </fieldset>
      )}
      <DataTable
        id="test-sends"
        rows={campaign.testSends}
        rowKey={(send) => send.id}
        rowAttributes={(send) => ({ 'data-test-send': send.msisdn, 'data-delivered': String(send.delivered) })}
        empty="Chưa gửi thử."
        columns={[
          { header: 'Số', cell: (send) => send.msisdn },
          { header: 'Tỉnh', cell: (send) => provinceName(send.provinceCode) },
          { header: 'Nhà mạng', cell: (send) => CARRIERS[send.carrier] ?? send.carrier },
          { header: 'Kết quả', cell: (send) => (send.error ? `${TEST_SEND_STATES[send.state]}: ${send.error}` : TEST_SEND_STATES[send.state]) },
          { header: 'Báo nhận', cell: (send) => (send.delivered ? 'Đã nhận (DELIVRD)' : (send.receipt ?? 'Chưa có')) },
          { header: 'Gửi lúc', cell: (send) => formatTime(send.sentAt) },
        ]}
      />
      <div className="buttons">
        {campaign.state === 'draft' && (
          <button type="button" data-action="submit-campaign" onClick={() => void submit()}>
            Gửi duyệt
          </button>
        )}
        <button type="button" className="secondary" onClick={onDone}>
          Tạo chiến dịch khác
        </button>
      </div>
      {campaign.state === 'pending_approval' && <p className="ok">Đã gửi duyệt: lãnh đạo sẽ xem nội dung và kế hoạch trước khi duyệt.</p>}
    </section>
  );
}
