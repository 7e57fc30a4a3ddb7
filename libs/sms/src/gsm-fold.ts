import { GSM_SEPTET, isGsmText } from './gsm-alphabet';
import { normalizeSmsText } from './sms-text';
import { notGsm } from './sms-text.exception';

const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
// Vietnamese vowels as base + vowel mark (circumflex U+0302, breve U+0306, horn U+031B).
const VOWELS = ['a', 'a\u0306', 'a\u0302', 'e', 'e\u0302', 'i', 'o', 'o\u0302', 'o\u031b', 'u', 'u\u031b', 'y'];

const PUNCTUATION: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '′': "'",
  '‹': "'",
  '›': "'",
  '`': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '″': '"',
  '«': '"',
  '»': '"',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
  '…': '...',
  '\t': ' ',
  '\u2028': '\n',
  '\u2029': '\n',
};
const SPACES = '\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000';
const INVISIBLE = '\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff';

/** UTF-16 code unit -> its GSM replacement; built once. */
const FOLD = buildFoldTable();

function buildFoldTable(): Map<number, string> {
  const table = new Map<number, string>();
  // Every Vietnamese letter folds to its bare letter, even the few GSM has (à é è ì ò ù É):
  // a half-accented word is harder to read than a bare one, and bare letters also fit IA5 carriers.
  for (const vowel of VOWELS) {
    for (const tone of TONES) {
      for (const letter of [vowel, vowel.toUpperCase()]) {
        const composed = (letter + tone).normalize('NFC');
        if (composed.length === 1 && composed !== letter[0]) table.set(composed.charCodeAt(0), letter[0]);
      }
    }
  }
  table.set(0x0111, 'd').set(0x0110, 'D');
  // Other accented Latin letters outside GSM lose their marks (ç -> c); those inside GSM (ü, ñ, Ç) stay.
  for (const [from, to] of [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ]) {
    for (let code = from; code <= to; code++) {
      if (GSM_SEPTET[code] >= 0 || table.has(code)) continue;
      const bare = String.fromCharCode(code)
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '');
      if (bare.length > 0 && bare !== String.fromCharCode(code) && isGsmText(bare)) table.set(code, bare);
    }
  }
  for (const [character, replacement] of Object.entries(PUNCTUATION)) table.set(character.charCodeAt(0), replacement);
  for (const space of SPACES) table.set(space.charCodeAt(0), ' ');
  for (const invisible of INVISIBLE) table.set(invisible.charCodeAt(0), '');
  return table;
}

function isCombiningMark(code: number): boolean {
  return code >= 0x0300 && code <= 0x036f;
}

/**
 * Folds text to the GSM alphabet: Vietnamese without diacritics, Word punctuation as plain ASCII.
 * Idempotent. Throws NOT_GSM naming the first character that still does not fit (index in the NFC text).
 */
export function foldToGsm(text: string): string {
  const normalized = normalizeSmsText(text);
  let folded = '';
  let copiedUpTo = 0;
  for (let i = 0; i < normalized.length; i++) {
    const code = normalized.charCodeAt(i);
    const replacement = FOLD.get(code);
    if (replacement === undefined) {
      if (GSM_SEPTET[code] >= 0) continue;
      // A stray mark NFC could not compose onto its letter is a diacritic too.
      if (!isCombiningMark(code)) throw notGsm(normalized, i);
    }
    folded += normalized.slice(copiedUpTo, i) + (replacement ?? '');
    copiedUpTo = i + 1;
  }
  return copiedUpTo === 0 ? normalized : folded + normalized.slice(copiedUpTo);
}
