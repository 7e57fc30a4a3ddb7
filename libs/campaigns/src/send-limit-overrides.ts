import { invalid, reasonProblem } from '@loa/common';
import { dailyWindow, LIFTED_WINDOW, minuteOfDay, type SendWindow } from './send-window';

/** What a campaign asks of its send window and the daily cap, as a user gives it. */
export interface SendLimitsRequest {
  /** "HH:MM", with windowEnd: a window of its own (default: config/defaults.json). */
  windowStart?: string;
  windowEnd?: string;
  /** Always open: an urgent warning. */
  windowLifted?: boolean;
  /** Sends to subscribers whatever other warnings they had that day. */
  dailyCapLifted?: boolean;
  /** Why: required for any override (a wider or lifted window, a lifted cap), kept in the audit log; see reasonProblem. */
  overrideReason?: string;
}

export interface SendLimits {
  sendWindow: SendWindow;
  dailyCapLifted: boolean;
  /** The overrides asked for, in words, for the audit log (empty: none, no reason needed). */
  overrides: string[];
}

/**
 * The window and cap a campaign gets. A window inside the default one (narrower) is the campaign's own
 * business; one that opens outside it, a lifted window or a lifted cap is an override and needs a reason.
 */
export function resolveSendLimits(request: SendLimitsRequest, defaultWindow: SendWindow): SendLimits {
  const sendWindow = requestedWindow(request, defaultWindow);
  const overrides: string[] = [];
  if (sendWindow.kind === 'lifted') overrides.push('send window lifted (always open)');
  else if (!within(sendWindow, defaultWindow))
    overrides.push(`send window ${sendWindow.start}–${sendWindow.end} opens outside the default ${describe(defaultWindow)}`);
  if (request.dailyCapLifted) overrides.push('daily cap per subscriber lifted');
  if (overrides.length > 0 && !request.overrideReason?.trim()) {
    throw invalid(`overrideReason: required for ${overrides.join(' and ')}; it is kept in the audit log`);
  }
  const problem = overrides.length > 0 ? reasonProblem(request.overrideReason!) : null;
  if (problem) throw invalid(`overrideReason: ${problem.message}`, { field: 'overrideReason', rule: problem.rule });
  return { sendWindow, dailyCapLifted: request.dailyCapLifted ?? false, overrides };
}

function requestedWindow(request: SendLimitsRequest, defaultWindow: SendWindow): SendWindow {
  const { windowStart, windowEnd, windowLifted } = request;
  if (windowLifted && (windowStart !== undefined || windowEnd !== undefined)) {
    throw invalid('windowLifted: a lifted window has no windowStart or windowEnd');
  }
  if (windowLifted) return LIFTED_WINDOW;
  if ((windowStart === undefined) !== (windowEnd === undefined)) throw invalid('windowStart and windowEnd: give both, or neither for the default window');
  return windowStart !== undefined && windowEnd !== undefined ? dailyWindow(windowStart, windowEnd) : defaultWindow;
}

/** Whether every minute `inner` is open, `outer` is open too. */
function within(inner: SendWindow, outer: SendWindow): boolean {
  const outerMinutes = openMinutes(outer);
  return openMinutes(inner).every((open, minute) => !open || outerMinutes[minute]);
}

function openMinutes(window: SendWindow): boolean[] {
  if (window.kind === 'lifted') return new Array<boolean>(1440).fill(true);
  const start = minuteOfDay(window.start);
  const end = minuteOfDay(window.end);
  return Array.from({ length: 1440 }, (_, minute) => (start < end ? minute >= start && minute < end : minute >= start || minute < end));
}

function describe(window: SendWindow): string {
  return window.kind === 'lifted' ? 'always open' : `${window.start}–${window.end}`;
}
