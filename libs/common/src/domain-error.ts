/** Every way a request can be refused by the domain; the API maps each to one HTTP status. */
export type DomainErrorCode = 'INVALID' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

/**
 * Thrown by domain libraries (shared with the dispatcher and the CLI, so never an HTTP exception).
 * `message` is safe to show to the user; `details` carries structured findings (field, line, column…).
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (message: string, details?: unknown) => new DomainError('INVALID', message, details);
export const forbidden = (message: string, details?: unknown) => new DomainError('FORBIDDEN', message, details);
export const notFound = (message: string, details?: unknown) => new DomainError('NOT_FOUND', message, details);
export const conflict = (message: string, details?: unknown) => new DomainError('CONFLICT', message, details);
