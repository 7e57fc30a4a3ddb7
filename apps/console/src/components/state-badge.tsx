import { type CampaignState } from '../api/models';
import { CAMPAIGN_STATES } from '../format';

export function StateBadge({ state }: { state: CampaignState }) {
  return (
    <span className={`state state-${state}`} data-state={state}>
      {CAMPAIGN_STATES[state] ?? state}
    </span>
  );
}

/** Provinces in one short cell: all of them as "Toàn quốc", a few by name, many as the first two and a count. */
export function ProvinceList({ codes, name, total }: { codes: string[]; name(code: string): string; total: number }) {
  const full = codes.map(name).join(', ');
  if (codes.length >= total && total > 0) return <span title={full}>Toàn quốc ({codes.length} tỉnh, thành phố)</span>;
  if (codes.length <= 3) return <span>{full}</span>;
  return (
    <span title={full}>
      {codes.slice(0, 2).map(name).join(', ')} và {codes.length - 2} tỉnh khác
    </span>
  );
}
