import { codePointLabel, notGsm } from './sms-text.exception';

// GSM 03.38 default alphabet (3GPP TS 23.038 §6.2.1), index = septet value; 0x1B is the escape to the extension table.
const BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' + '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

// Extension table (3GPP TS 23.038 §6.2.1.1): sent as 0x1B + septet, so each costs two septets.
const EXTENSION: ReadonlyArray<[number, string]> = [
  [0x0a, '\f'],
  [0x14, '^'],
  [0x28, '{'],
  [0x29, '}'],
  [0x2f, '\\'],
  [0x3c, '['],
  [0x3d, '~'],
  [0x3e, ']'],
  [0x40, '|'],
  [0x65, '€'],
];

export const GSM_ESCAPE = 0x1b;
/** Marks an extension-table entry in GSM_SEPTET; the low 7 bits are the septet after the escape. */
export const GSM_EXTENDED = 0x100;

/** UTF-16 code unit -> septet (basic), GSM_EXTENDED | septet (extension), or -1 (not GSM). */
export const GSM_SEPTET = new Int16Array(0x10000).fill(-1);
/** Septet -> character, for decoding. */
export const GSM_BASIC_CHARS: readonly string[] = [...BASIC];
export const GSM_EXTENSION_CHARS = new Map<number, string>(EXTENSION);

for (let septet = 0; septet < BASIC.length; septet++) {
  if (septet !== GSM_ESCAPE) GSM_SEPTET[BASIC.charCodeAt(septet)] = septet;
}
for (const [septet, character] of EXTENSION) GSM_SEPTET[character.charCodeAt(0)] = GSM_EXTENDED | septet;

/** True when every character is in the GSM 03.38 basic or extension table. */
export function isGsmText(text: string): boolean {
  return firstNonGsmIndex(text) < 0;
}

export function firstNonGsmIndex(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (GSM_SEPTET[text.charCodeAt(i)] < 0) return i;
  }
  return -1;
}

/** Septets the text takes as GSM 7-bit (extension characters cost two); throws NOT_GSM otherwise. */
export function gsmSeptetCount(text: string): number {
  let septets = 0;
  for (let i = 0; i < text.length; i++) {
    const code = GSM_SEPTET[text.charCodeAt(i)];
    if (code < 0) throw notGsm(text, i);
    septets += code & GSM_EXTENDED ? 2 : 1;
  }
  return septets;
}

export interface NonGsmCharacter {
  character: string;
  /** UTF-16 index in the text as given (callers pass NFC text, as prepareText does). */
  index: number;
  codePoint: string;
}

/** Each character that forces UCS-2 under the auto policy, surrogate pairs reported once. */
export function findNonGsmCharacters(text: string): NonGsmCharacter[] {
  const found: NonGsmCharacter[] = [];
  for (let i = 0; i < text.length; i++) {
    if (GSM_SEPTET[text.charCodeAt(i)] >= 0) continue;
    const character = String.fromCodePoint(text.codePointAt(i) ?? 0);
    found.push({ character, index: i, codePoint: codePointLabel(character) });
    i += character.length - 1;
  }
  return found;
}
