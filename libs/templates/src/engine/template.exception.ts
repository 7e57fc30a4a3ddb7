export type TemplateErrorCode = 'EMPTY' | 'SYNTAX' | 'UNKNOWN_HELPER' | 'UNKNOWN_VARIABLE' | 'TOO_LONG';

/**
 * A template body Loa refuses; `line` and `column` are 1-based, in the NFC-normalised body. The message says
 * the place once, here: whoever shows it adds nothing.
 */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';

  constructor(
    readonly code: TemplateErrorCode,
    /** What is wrong, without the place. */
    readonly detail: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? detail : `${detail} at line ${line}, column ${column}`);
  }
}
