/**
 * Characters a phone draws as nothing, or as a blank with no width, which can hide a number or a link
 * ("0912\u3164345678", "evil\u200b.com"): every format character (Unicode Cf: zero-width space and joiners,
 * U+200B…U+200F, U+2060…U+2064, BOM, U+180E, bidi controls, soft hyphen, tags), the combining grapheme joiner
 * U+034F, the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0, the Khmer inherent vowels U+17B4/U+17B5, and
 * every variation selector (U+180B…U+180D, U+180F, U+FE00…U+FE0F, U+E0100…U+E01EF).
 */
const INVISIBLE = String.raw`\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFFA0\uFE00-\uFE0F\u{E0100}-\u{E01EF}`;
const INVISIBLE_CHARACTER = new RegExp(`[${INVISIBLE}]`, 'u');
const INVISIBLE_CHARACTERS = new RegExp(`[${INVISIBLE}]`, 'gu');
// Full stops NFKC leaves alone but readers take for the dot of a domain.
const LOOKALIKE_DOTS = /[\u3002\uFF61]/g;
// A base character with its combining marks: normalised together, so "e" + U+0301 stays one letter.
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
// Decimal digits of other scripts ("٠٩١٢…"): NFKC keeps them, a reader still dials them.
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;
const PLAIN = /^[\x20-\x7e]*$/;

/** A text as a phone shows it, with a way back to places in the text as written. */
export interface DisplayedText {
  readonly text: string;
  /** Where the character at `index` of `text` (or the end, at `text.length`) comes from in the text as written. */
  writtenIndex(index: number): number;
}

/**
 * The text a reader sees and dials: NFKC folds full-width and other compatibility look-alikes ("０９１２",
 * "evil．com") to plain characters, invisible characters are dropped, look-alike full stops become ".", and
 * digits of every script become 0-9. Link, number and log-redaction checks all read text through this.
 */
export function displayedText(written: string): DisplayedText {
  if (PLAIN.test(written)) return { text: written, writtenIndex: (index) => index };
  let text = '';
  const origins: number[] = [];
  for (const cluster of written.matchAll(CLUSTER)) {
    const shown = displayedCluster(cluster[0]);
    for (let i = 0; i < shown.length; i++) origins.push(cluster.index);
    text += shown;
  }
  origins.push(written.length);
  return { text, writtenIndex: (index) => origins[Math.min(Math.max(index, 0), origins.length - 1)] };
}

function displayedCluster(cluster: string): string {
  return cluster.normalize('NFKC').replace(INVISIBLE_CHARACTERS, '').replace(LOOKALIKE_DOTS, '.').replace(OTHER_DIGIT, asciiDigit);
}

/** Unicode keeps each script's digits 0-9 in runs of ten consecutive code points: the value is the distance from the run's zero. */
function asciiDigit(digit: string): string {
  const codePoint = digit.codePointAt(0)!;
  let start = codePoint;
  while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return String((codePoint - start) % 10);
}

export interface InvisibleCharacter {
  character: string;
  /** UTF-16 index in the text as written. */
  index: number;
  /** "U+200B". */
  codePoint: string;
}

/** Each character of the text a phone shows as nothing (see INVISIBLE above). */
export function findInvisibleCharacters(text: string): InvisibleCharacter[] {
  if (PLAIN.test(text)) return [];
  return [...text.matchAll(INVISIBLE_CHARACTERS)].map((match) => ({
    character: match[0],
    index: match.index,
    codePoint: `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  }));
}

export function isInvisibleCharacter(character: string): boolean {
  return INVISIBLE_CHARACTER.test(character);
}
