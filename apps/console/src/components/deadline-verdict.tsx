import { type CampaignEstimate, type DeadlineEntry } from '../api/models';
import { formatNumber, formatTime } from '../format';

/** What a paused campaign (or a programme with one) would do were it resumed now. */
export interface ResumeNow {
  finishAt: string | null;
  /** Null when that cannot be said (no report deadline, or no finish within 60 days). */
  inTime: boolean | null;
  /** Subscribers not yet sent to when the deadline comes; shown when not in time. */
  unsentAtDeadline?: number;
}

/**
 * A paused campaign sends nothing, so it claims no finish: it says "Tạm dừng", then what a resume now would give,
 * labelled so. That finish moves on with the clock by design; it is never shown as the campaign's own.
 */
export function PausedVerdict({ resumeNow, label = 'Tạm dừng' }: { resumeNow: ResumeNow | null; label?: string }) {
  return (
    <span data-verdict="paused" data-if-resumed-finish={resumeNow?.finishAt ?? ''}>
      <strong className="warn">{label}</strong> · nếu tiếp tục ngay: <ResumeNowText resumeNow={resumeNow} />
    </span>
  );
}

function ResumeNowText({ resumeNow }: { resumeNow: ResumeNow | null }) {
  if (!resumeNow || (resumeNow.inTime === null && !resumeNow.finishAt)) return <span className="muted">chưa ước tính được</span>;
  const finish = resumeNow.finishAt ? `xong lúc ${formatTime(resumeNow.finishAt)}` : null;
  if (resumeNow.inTime === null) return <>{finish}</>;
  const unsent = !resumeNow.inTime && resumeNow.unsentAtDeadline ? `${formatNumber(resumeNow.unsentAtDeadline)} tin chưa gửi khi đến hạn` : null;
  const details = [finish, unsent].filter(Boolean).join('; ');
  return (
    <>
      <span className={resumeNow.inTime ? 'ok' : 'error'}>{resumeNow.inTime ? 'kịp hạn' : 'không kịp hạn'}</span>
      {details && ` (${details})`}
    </>
  );
}

/** A deadlines line's verdict: in time or not, or paused with what a resume now would give. */
export function DeadlineVerdict({ entry }: { entry: DeadlineEntry }) {
  if (entry.paused) {
    const resumeNow = entry.ifResumedNow && { finishAt: entry.ifResumedNow.estimatedFinishAt, inTime: entry.ifResumedNow.finishesInTime };
    // A programme is not paused itself: one of its campaigns is.
    return <PausedVerdict resumeNow={resumeNow} label={entry.kind === 'programme' ? 'Có chiến dịch tạm dừng' : 'Tạm dừng'} />;
  }
  if (entry.finishesInTime === true) return <span className="ok">Kịp hạn</span>;
  if (entry.finishesInTime === false) return <span className="error">Không kịp hạn</span>;
  return <span className="muted">Chưa ước tính được</span>;
}

/** A paused campaign's estimate (GET /campaigns/:id) as a resume now would give it. */
export function resumeNowOf(estimate: CampaignEstimate): ResumeNow | null {
  const resumed = estimate.ifResumedNow;
  return resumed && { finishAt: resumed.estimatedFinishAt, inTime: resumed.meetsDeadline, unsentAtDeadline: resumed.unsentAtDeadline };
}
