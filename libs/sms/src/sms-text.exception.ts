export type SmsTextErrorCode = 'NOT_GSM' | 'NOT_ASCII' | 'INVALID_UDH' | 'UNSUPPORTED_DATA_CODING';

/** Text or bytes that cannot be carried as asked; `character` and `index` name the culprit when there is one. */
export class SmsTextError extends Error {
  override readonly name = 'SmsTextError';

  constructor(
    readonly code: SmsTextErrorCode,
    message: string,
    readonly character?: string,
    readonly index?: number,
  ) {
    super(message);
  }
}

export function codePointLabel(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The whole code point at `index` (both halves of a surrogate pair). */
export function characterAt(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index) ?? 0);
}

export function notGsm(text: string, index: number): SmsTextError {
  const character = characterAt(text, index);
  return new SmsTextError('NOT_GSM', `"${character}" (${codePointLabel(character)}) at index ${index} is not in the GSM 03.38 alphabet`, character, index);
}
