/** The shortest reason accepted for an override or a decision the audit log keeps (`x` once lifted the night window). */
export const MIN_REASON_LENGTH = 15;

export type ReasonRule = 'REASON_TOO_SHORT' | 'REASON_REPEATED' | 'REASON_NO_WORDS';

/**
 * What is wrong with a reason given for an override or a decision, or null when it will do: at least
 * MIN_REASON_LENGTH characters, in words, and not one character or a short run of them repeated ("xxxx…",
 * "abab…", "x x x…"). Messages in English and Vietnamese; `rule` is the stable code.
 */
export function reasonProblem(reason: string): { rule: ReasonRule; message: string } | null {
  const text = reason.normalize('NFC').trim();
  if ([...text].length < MIN_REASON_LENGTH) {
    return {
      rule: 'REASON_TOO_SHORT',
      message: `give a reason of at least ${MIN_REASON_LENGTH} characters (lý do phải có ít nhất ${MIN_REASON_LENGTH} ký tự)`,
    };
  }
  const compact = text.replace(/\s+/gu, '').toLowerCase();
  if (/^(.{1,3}?)\1+$/u.test(compact)) {
    return { rule: 'REASON_REPEATED', message: 'a repeated character is not a reason; say why (lý do không được là một ký tự lặp lại)' };
  }
  if (!/\p{L}/u.test(text)) return { rule: 'REASON_NO_WORDS', message: 'say why in words (lý do phải viết bằng chữ)' };
  return null;
}
