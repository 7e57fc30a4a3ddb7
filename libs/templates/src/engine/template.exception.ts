export type TemplateErrorCode = 'EMPTY' | 'SYNTAX' | 'UNKNOWN_HELPER' | 'UNKNOWN_VARIABLE' | 'TOO_LONG';

/** A template body Loa refuses; `line` and `column` are 1-based, in the NFC-normalised body. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';

  constructor(
    readonly code: TemplateErrorCode,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}
