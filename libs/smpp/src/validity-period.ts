const pad2 = (value: number): string => String(value).padStart(2, '0');

/**
 * SMPP 3.4 §7.1.1 relative time "YYMMDDhhmmss000R" for a validity of `hours`; '' (SMSC default) when
 * not positive. Days beyond 99 are capped: no campaign message is worth delivering after three months.
 */
export function relativeValidityPeriod(hours: number | undefined): string {
  if (!hours || hours <= 0) return '';
  // Every message of a campaign has the same validity: formatted once, not once per submit_sm.
  let period = formatted.get(hours);
  if (period === undefined) {
    if (formatted.size >= 1000) formatted.clear();
    formatted.set(hours, (period = format(hours)));
  }
  return period;
}

const formatted = new Map<number, string>();

function format(hours: number): string {
  let seconds = Math.min(Math.round(hours * 3600), 99 * 86_400);
  const days = Math.floor(seconds / 86_400);
  seconds -= days * 86_400;
  const hh = Math.floor(seconds / 3600);
  const mm = Math.floor((seconds % 3600) / 60);
  const ss = seconds % 60;
  return `0000${pad2(days)}${pad2(hh)}${pad2(mm)}${pad2(ss)}000R`;
}
