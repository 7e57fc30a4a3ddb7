/** Every way a request can be refused by the domain; the API maps each to one HTTP status. */
export type DomainErrorCode = 'INVALID' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS';

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
/** A limit reached: the same request may be made again after `retryAfterSeconds` (the API's Retry-After). */
export const tooMany = (message: string, retryAfterSeconds: number, details?: Record<string, unknown>) =>
  new DomainError('TOO_MANY_REQUESTS', message, { ...details, retryAfterSeconds });
