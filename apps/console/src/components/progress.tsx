import { formatNumber, formatPercent } from '../format';

interface Counts {
  targeted: number;
  delivered: number;
  failed: number;
}

/**
 * The one progress figure of the console, the same in the list, the detail and every row: messages ended
 * (delivered or failed, over the targeted), with the delivered share drawn apart.
 */
export function Progress({ counts }: { counts: Counts }) {
  const targeted = counts.targeted || 0;
  const ended = counts.delivered + counts.failed;
  const share = (value: number) => (targeted === 0 ? 0 : Math.min(1, value / targeted));
  return (
    <div className="progress" data-ended={ended} data-targeted={targeted}>
      <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" className="progress-bar">
        <rect className="bar-back" x="0" y="0" width="100" height="6" />
        <rect className="bar-done" x="0" y="0" width={100 * share(counts.delivered)} height="6" />
        <rect className="bar-failed" x={100 * share(counts.delivered)} y="0" width={100 * share(counts.failed)} height="6" />
      </svg>
      <div className="progress-label">
        {formatNumber(ended)} / {formatNumber(targeted)} tin xong ({formatPercent(share(ended))}) · đã nhận {formatNumber(counts.delivered)}
      </div>
    </div>
  );
}
