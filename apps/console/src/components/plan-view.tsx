import { type CampaignPlan, type CertificateProblem, type RegistrationProblem } from '../api/models';
import { useSession } from '../context';
import { CARRIERS, carrierName, formatDay, formatNumber, formatPercent, formatTime } from '../format';
import { DataTable } from './data-table';

/** The carriers that would refuse the campaign's texts: a brandname certificate that does not cover it, a text not registered. */
export function refusingCarriers(plan: CampaignPlan): string[] {
  const problems = [...(plan.certificateProblems ?? []), ...(plan.registrationProblems ?? [])];
  return [...new Set([...problems.map((problem) => problem.carrier), ...(plan.unregisteredCarriers ?? [])])];
}

/** A deadline plan: when each carrier finishes, the send windows, and whether it meets the report deadline. */
export function PlanView({ plan }: { plan: CampaignPlan }) {
  const verdict =
    plan.meetsDeadline === true ? (
      <strong className="ok" data-meets-deadline="true">
        Kịp hạn báo cáo {formatTime(plan.reportDeadline)}.
      </strong>
    ) : plan.meetsDeadline === false ? (
      <strong className="error" data-meets-deadline="false">
        Không kịp hạn báo cáo {formatTime(plan.reportDeadline)}: {formatNumber(plan.unsentAtDeadline)} thuê bao chưa nhận được tin khi đến hạn.
      </strong>
    ) : (
      <span data-meets-deadline="none">Chưa đặt hạn báo cáo.</span>
    );
  return (
    <div className="plan" data-plan>
      <p>
        {formatNumber(plan.messages)} thuê bao · {formatNumber(plan.parts)} phần tin · bắt đầu {formatTime(plan.startAt)} · dự kiến gửi xong{' '}
        <strong data-plan-finish>{plan.estimatedFinishAt ? formatTime(plan.estimatedFinishAt) : 'sau hơn 60 ngày'}</strong>
      </p>
      <p>{verdict}</p>
      <CarrierRefusals plan={plan} />
      <DataTable
        rows={plan.carriers}
        rowKey={(carrier) => carrier.carrier}
        rowAttributes={(carrier) => ({ 'data-plan-carrier': carrier.carrier })}
        empty="Không có nhà mạng nào."
        columns={[
          { header: 'Nhà mạng', cell: (carrier) => CARRIERS[carrier.carrier] ?? carrier.carrier },
          { header: 'Thuê bao', cell: (carrier) => formatNumber(carrier.messages) },
          { header: 'Phần tin', cell: (carrier) => formatNumber(carrier.parts) },
          {
            header: 'Tốc độ',
            cell: (carrier) => `${formatNumber(carrier.tps)} tin/giây (${carrier.rateSource === 'measured' ? 'đo thực tế' : 'theo hợp đồng'})`,
          },
          { header: 'Phần được dùng', cell: (carrier) => formatPercent(carrier.tpsShare) },
          {
            header: 'Chờ chiến dịch khác',
            cell: (carrier) => {
              const count = carrier.campaignsAhead.length + carrier.otherCampaignsAhead.count;
              return count === 0 ? 'Không' : `${formatNumber(count)} chiến dịch`;
            },
          },
          { header: 'Gửi xong', cell: (carrier) => formatTime(carrier.finishesAt) },
        ]}
      />
      {plan.sendWindows.length > 0 && (
        <p className="muted small">
          Khung giờ gửi:{' '}
          {plan.sendWindows
            .slice(0, 5)
            .map((window) => `${formatTime(window.start)} – ${formatTime(window.end)}`)
            .join('; ')}
          {plan.sendWindows.length > 5 && ` và ${plan.sendWindows.length - 5} khung khác`}
        </p>
      )}
    </div>
  );
}

const REGISTRATION_STATES: Record<string, string> = { submitted: 'đã gửi đăng ký, chưa được duyệt', refused: 'nhà mạng đã từ chối' };

/** What each carrier would refuse, in words, with what to do about it. */
function CarrierRefusals({ plan }: { plan: CampaignPlan }) {
  const { provinceName } = useSession();
  const certificates = plan.certificateProblems ?? [];
  const registrations = plan.registrationProblems ?? [];
  if (certificates.length === 0 && registrations.length === 0) return null;
  return (
    <div className="refusals" data-refusals>
      <p>
        <strong className="error">Nhà mạng sẽ không nhận tin của chiến dịch này:</strong>
      </p>
      <ul>
        {certificates.map((problem) => (
          <li key={`${problem.code}-${problem.carrier}`} data-refusal={problem.code} data-carrier={problem.carrier}>
            {certificateText(problem)}
          </li>
        ))}
        {registrations.map((problem, index) => (
          <li key={`${problem.code}-${problem.carrier}-${index}`} data-refusal={problem.code} data-carrier={problem.carrier}>
            {registrationText(problem, provinceName)}
          </li>
        ))}
      </ul>
      <p className="muted small">
        Quản trị viên đăng ký mẫu tin với nhà mạng (trang Mẫu tin), hoặc bỏ nhà mạng đó khỏi chiến dịch; người duyệt có thể loại các nhà mạng này khi duyệt.
      </p>
    </div>
  );
}

function certificateText(problem: CertificateProblem): string {
  const certificate = `chứng nhận tên định danh ${problem.brandname} (số ${problem.number})`;
  return problem.code === 'CERTIFICATE_LAPSED'
    ? `${carrierName(problem.carrier)}: ${certificate} hết hiệu lực sau ngày ${formatDay(problem.validTo)}, trước khi chiến dịch gửi xong (${formatTime(problem.sendingEndsAt)}).`
    : `${carrierName(problem.carrier)}: ${certificate} chỉ có hiệu lực từ ngày ${formatDay(problem.validFrom)}.`;
}

function registrationText(problem: RegistrationProblem, provinceName: (code: string) => string): string {
  const carrier = carrierName(problem.carrier);
  switch (problem.code) {
    case 'TEMPLATE_NOT_REGISTERED':
      return `${carrier}: mẫu tin chưa được đăng ký với nhà mạng này (${problem.state ? REGISTRATION_STATES[problem.state] : 'chưa gửi đăng ký'}).`;
    case 'SLOT_OVERFLOW':
      return `${carrier}, ${provinceName(problem.province)}: giá trị của {{${problem.variable}}} dài ${problem.length} ký tự, nhà mạng đăng ký tối đa ${problem.maxLength} (tham số {${problem.slot}}).`;
    case 'TEXT_NOT_MATCHING':
      return `${carrier}, ${provinceName(problem.province)}: nội dung tin không khớp mẫu đã đăng ký với nhà mạng.`;
  }
}
