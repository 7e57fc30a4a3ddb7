import { type DeadlinePlan } from '../api/models';
import { CARRIERS, formatNumber, formatPercent, formatTime } from '../format';
import { DataTable } from './data-table';

/** A deadline plan: when each carrier finishes, the send windows, and whether it meets the report deadline. */
export function PlanView({ plan }: { plan: DeadlinePlan }) {
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
