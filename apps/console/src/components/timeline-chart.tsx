import { type CampaignReport } from '../api/models';
import { formatNumber, formatTime } from '../format';

const SERIES = [
  { key: 'submitted', label: 'Đã gửi' },
  { key: 'delivered', label: 'Đã nhận' },
] as const;
const STEP_MS = { minute: 60_000, hour: 3_600_000 };
const WIDTH = 720;
const HEIGHT = 220;
const PAD = { left: 60, right: 10, top: 10, bottom: 30 };

/** The report's timeline (per-minute counters, completed minutes only), cumulative, drawn as SVG. */
export function TimelineChart({ timeline }: { timeline: CampaignReport['timeline'] }) {
  if (timeline.points.length === 0) return <p className="muted">Chưa có tin nào được gửi.</p>;
  const step = STEP_MS[timeline.step] ?? STEP_MS.minute;
  const totals = { submitted: 0, delivered: 0 };
  const points = timeline.points.map((point) => {
    totals.submitted += point.submitted;
    totals.delivered += point.delivered;
    return { at: new Date(point.at).getTime(), ...totals };
  });
  const first = points[0].at;
  const last = points[points.length - 1].at + step;
  const max = Math.max(1, ...points.map((point) => Math.max(point.submitted, point.delivered)));
  const x = (at: number) => PAD.left + ((at - first) / Math.max(1, last - first)) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => HEIGHT - PAD.bottom - (value / max) * (HEIGHT - PAD.top - PAD.bottom);
  return (
    <div className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="Biểu đồ tiến độ gửi tin">
        <line x1={PAD.left} y1={y(0)} x2={WIDTH - PAD.right} y2={y(0)} className="axis" />
        <text x={PAD.left - 6} y={y(max) + 4} textAnchor="end" className="tick">
          {formatNumber(max)}
        </text>
        <text x={PAD.left - 6} y={y(0)} textAnchor="end" className="tick">
          0
        </text>
        <text x={PAD.left} y={HEIGHT - 8} textAnchor="start" className="tick">
          {formatTime(first)}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" className="tick">
          {formatTime(last)}
        </text>
        {SERIES.map((series) => {
          const steps = points.map((point) => `L${x(point.at + step).toFixed(1)},${y(point[series.key]).toFixed(1)}`);
          return (
            <path
              key={series.key}
              d={[`M${x(first).toFixed(1)},${y(0).toFixed(1)}`, ...steps].join(' ')}
              className={`series-${series.key}`}
              data-series={series.key}
            />
          );
        })}
      </svg>
      <div className="legend">
        {SERIES.map((series) => (
          <span key={series.key} className={`legend-${series.key}`}>
            {series.label}: {formatNumber(totals[series.key])}
          </span>
        ))}
      </div>
    </div>
  );
}
