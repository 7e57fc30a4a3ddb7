import { type FormEvent, useState } from 'react';
import { answer, api } from '../api/client';
import { type CarrierRegistration, type RegistrationAnswer, type RegistrationState, type Template, type TemplateRegistrations } from '../api/models';
import { can, useSession } from '../context';
import { carrierName, formatTime } from '../format';
import { usePolled } from '../hooks';
import { DataTable } from './data-table';
import { exportPath, saveFile } from './exports';
import { useAction } from './notices';

/** The carriers Loa sends through, whether or not a registration is on record. */
const USUAL_CARRIERS = ['viettel', 'vnpt', 'mobifone'];

interface Row {
  carrier: string;
  required: boolean;
  registration: CarrierRegistration | null;
}

/** Where an approved template version stands with each carrier, the patterns to download, and (admins) the carriers' answers. */
export function TemplateRegistrationsPanel({ template }: { template: Template }) {
  const { user } = useSession();
  const registrations = usePolled(
    () => answer<TemplateRegistrations>(api.GET('/templates/{id}/registrations', { params: { path: { id: template.id } } })),
    [template.id],
    { poll: false },
  );
  const data = registrations.data;
  if (!data) return <p className="muted">Đang tải…</p>;
  const rows = registrationRows(data);

  return (
    <div data-registrations={template.id}>
      <DataTable
        id="registrations"
        rows={rows}
        rowKey={(row) => row.carrier}
        rowAttributes={(row) => ({ 'data-carrier': row.carrier, 'data-registration-state': row.registration?.state ?? 'none' })}
        empty="Chưa có nhà mạng nào."
        columns={[
          { header: 'Nhà mạng', cell: (row) => carrierName(row.carrier) },
          {
            header: 'Yêu cầu đăng ký',
            cell: (row) => (row.required ? <strong>Bắt buộc</strong> : <span className="muted">Không bắt buộc</span>),
          },
          { header: 'Trạng thái', className: 'wrap', cell: (row) => <RegistrationStateText row={row} /> },
          {
            header: 'Mẫu gửi nhà mạng',
            className: 'wrap',
            cell: (row) => (row.registration ? <span className="pattern">{row.registration.pattern.text}</span> : <span className="muted">—</span>),
          },
          {
            header: 'Tải mẫu đăng ký',
            className: 'actions',
            cell: (row) => row.registration && <PatternDownloads template={template} carrier={row.carrier} />,
          },
        ]}
      />
      <p className="muted small">
        Mẫu đăng ký theo mẫu nhà mạng yêu cầu: nội dung cố định và mỗi biến là một tham số {'{P1}'}, {'{P2}'}… có độ dài tối đa. Nên gửi nhà mạng tệp Excel
        (XLSX); tệp CSV dùng dấu ; theo Excel tiếng Việt.
      </p>
      {can(user) && <RecordAnswerForm template={template} carriers={rows.map((row) => row.carrier)} onRecorded={registrations.reload} />}
    </div>
  );
}

function registrationRows(data: TemplateRegistrations): Row[] {
  const carriers = [...new Set([...USUAL_CARRIERS, ...data.required, ...data.registrations.map((registration) => registration.carrier)])];
  return carriers.map((carrier) => ({
    carrier,
    required: data.required.includes(carrier),
    registration: data.registrations.find((registration) => registration.carrier === carrier) ?? null,
  }));
}

function RegistrationStateText({ row }: { row: Row }) {
  const registration = row.registration;
  if (!registration) return <span className={row.required ? 'warn' : 'muted'}>Chưa gửi đăng ký</span>;
  if (registration.state === 'registered') {
    return (
      <span className="ok" data-reference={registration.reference ?? ''}>
        Đã đăng ký — mã của nhà mạng: <strong>{registration.reference}</strong> ({formatTime(registration.answeredAt)})
      </span>
    );
  }
  if (registration.state === 'refused') {
    return (
      <span className="error" data-refusal>
        Bị từ chối — lý do: {registration.reason} ({formatTime(registration.answeredAt)})
      </span>
    );
  }
  return <span className="warn">Đã gửi đăng ký lúc {formatTime(registration.submittedAt)}, chờ nhà mạng trả lời</span>;
}

/** The carrier's registration form for one carrier: Excel (the one to send), or CSV in the Vietnamese Excel convention. */
function PatternDownloads({ template, carrier }: { template: Template; carrier: string }) {
  const act = useAction();
  const path = `/templates/${template.id}/registrations`;
  const fileStem = `dang-ky-mau-tin-${template.id}-${carrier}`;
  return (
    <div className="buttons">
      <button type="button" data-export-pattern="xlsx" onClick={() => void act(() => saveFile(exportPath(path, 'xlsx', { carrier }), `${fileStem}.xlsx`))}>
        Excel (nên dùng)
      </button>
      <button
        type="button"
        className="secondary"
        data-export-pattern="csv"
        onClick={() => void act(() => saveFile(exportPath(path, 'csv', { carrier }), `${fileStem}.csv`))}
      >
        CSV
      </button>
    </div>
  );
}

const ANSWERS: Record<RegistrationState, string> = {
  submitted: 'Đã gửi đăng ký (lập mẫu gửi nhà mạng)',
  registered: 'Nhà mạng đã đăng ký',
  refused: 'Nhà mạng từ chối',
};

/** An admin records what was sent to a carrier, or the carrier's answer: registered with its reference, or refused with its reason. */
function RecordAnswerForm({ template, carriers, onRecorded }: { template: Template; carriers: string[]; onRecorded(): void }) {
  const act = useAction();
  const [carrier, setCarrier] = useState(carriers[0]);
  const [state, setState] = useState<RegistrationState>('submitted');
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body: RegistrationAnswer =
      state === 'registered' ? { state, reference: reference.trim() } : state === 'refused' ? { state, reason: reason.trim() } : { state };
    const done = await act(() => answer(api.POST('/templates/{id}/registrations/{carrier}', { params: { path: { id: template.id, carrier } }, body })));
    if (done) {
      setReference('');
      setReason('');
      onRecorded();
    }
  }

  return (
    <form className="record-registration" onSubmit={(event) => void submit(event)}>
      <h4>Ghi nhận đăng ký với nhà mạng</h4>
      <div className="filters">
        <label>
          Nhà mạng
          <select name="registration-carrier" value={carrier} onChange={(event) => setCarrier(event.target.value)}>
            {carriers.map((id) => (
              <option key={id} value={id}>
                {carrierName(id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Nội dung ghi nhận
          <select name="registration-state" value={state} onChange={(event) => setState(event.target.value as RegistrationState)}>
            {Object.entries(ANSWERS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {state === 'registered' && (
          <label>
            Mã đăng ký của nhà mạng
            <input name="registration-reference" required maxLength={100} value={reference} onChange={(event) => setReference(event.target.value)} />
          </label>
        )}
        {state === 'refused' && (
          <label>
            Lý do nhà mạng từ chối
            <input name="registration-reason" required maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
          </label>
        )}
        <div className="buttons">
          <button type="submit" data-action="record-registration">
            Ghi nhận
          </button>
        </div>
      </div>
    </form>
  );
}
