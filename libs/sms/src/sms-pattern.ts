/**
 * A text as a carrier registers it: fixed text, and slots a value of bounded length fills (Vietnamese
 * carriers refuse a brandname customer-care SMS whose text matches no registered pattern).
 */
export type PatternPart = { fixed: string } | { slot: string; maxLength: number };

export interface TextPattern {
  parts: PatternPart[];
}

/** Why a text does not match a pattern: a slot's value too long, or fixed text that differs. */
export type PatternMismatch = { kind: 'slot-overflow'; slot: string; length: number; maxLength: number } | { kind: 'no-match' };

/**
 * Whether `text` matches `pattern` whole (or, with `prefix`, starts like some text that would: the first part
 * of a long message). Slots hold 0 to maxLength UTF-16 units. Memoised backtracking: parts × text length × the
 * longest slot at worst, a few thousand steps for an SMS.
 */
export function matchesPattern(pattern: TextPattern, text: string, options: { prefix?: boolean } = {}): boolean {
  return matchAt(pattern.parts, text, 0, 0, options.prefix === true, new Set());
}

/** null when `text` matches; otherwise the slot that overflows (found by matching with unbounded slots), or no-match. */
export function patternMismatch(pattern: TextPattern, text: string): PatternMismatch | null {
  if (matchesPattern(pattern, text)) return null;
  const unbounded = { parts: pattern.parts.map((part) => ('slot' in part ? { ...part, maxLength: text.length } : part)) };
  if (!matchesPattern(unbounded, text)) return { kind: 'no-match' };
  const values = slotValues(pattern, text);
  const overflow = pattern.parts.find((part, index) => 'slot' in part && (values[index] ?? '').length > part.maxLength);
  if (!overflow || !('slot' in overflow)) return { kind: 'no-match' };
  const length = values[pattern.parts.indexOf(overflow)]!.length;
  return { kind: 'slot-overflow', slot: overflow.slot, length, maxLength: overflow.maxLength };
}

/** The carrier's form of a pattern: fixed text with each slot written `{P1}`, `{P2}`… in order. */
export function patternText(pattern: TextPattern): string {
  return pattern.parts.map((part) => ('fixed' in part ? part.fixed : `{${part.slot}}`)).join('');
}

/** Values of the slots (by part index) in the leftmost-shortest split of a text known to match with unbounded slots. */
function slotValues(pattern: TextPattern, text: string): Record<number, string> {
  const fixedRegex = pattern.parts.map((part) => ('fixed' in part ? escapeRegex(part.fixed) : '([\\s\\S]*?)')).join('');
  const match = new RegExp(`^${fixedRegex}$`).exec(text);
  const values: Record<number, string> = {};
  let group = 1;
  pattern.parts.forEach((part, index) => {
    if ('slot' in part) values[index] = match?.[group++] ?? '';
  });
  return values;
}

function matchAt(parts: readonly PatternPart[], text: string, partIndex: number, position: number, prefix: boolean, failed: Set<number>): boolean {
  if (prefix && position === text.length) return true;
  if (partIndex === parts.length) return position === text.length;
  const key = partIndex * (text.length + 1) + position;
  if (failed.has(key)) return false;
  const part = parts[partIndex];
  const matched = 'fixed' in part ? matchFixed(parts, text, partIndex, position, prefix, failed) : matchSlot(parts, text, partIndex, position, prefix, failed);
  if (!matched) failed.add(key);
  return matched;
}

function matchFixed(parts: readonly PatternPart[], text: string, partIndex: number, position: number, prefix: boolean, failed: Set<number>): boolean {
  const fixed = (parts[partIndex] as { fixed: string }).fixed;
  const rest = text.slice(position, position + fixed.length);
  // A first part may end inside fixed text.
  if (prefix && position + fixed.length > text.length) return fixed.startsWith(rest);
  return rest === fixed && matchAt(parts, text, partIndex + 1, position + fixed.length, prefix, failed);
}

function matchSlot(parts: readonly PatternPart[], text: string, partIndex: number, position: number, prefix: boolean, failed: Set<number>): boolean {
  const { maxLength } = parts[partIndex] as { maxLength: number };
  const longest = Math.min(maxLength, text.length - position);
  for (let length = 0; length <= longest; length++) {
    if (matchAt(parts, text, partIndex + 1, position + length, prefix, failed)) return true;
  }
  return false;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
