// SQLSTATE classes and codes that say the server is not there for us right now, not that the request is wrong:
// 08 connection exception, 57P01-57P03 admin/crash shutdown and cannot connect now, 53300 too many connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
// Said by pg or the server without a code of its own: a cut connection, a database closed to connections.
const UNAVAILABLE_MESSAGES = /Connection terminated|not currently accepting connections|the database system is (starting up|shutting down)/;

/** True when an error means the database is unreachable or restarting (worth a retry later), not a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error as { code?: unknown; message?: unknown; driverError?: unknown } | undefined, depth = 0; cause && depth < 3; depth++) {
    const code = typeof cause.code === 'string' ? cause.code : '';
    if (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
    if (typeof cause.message === 'string' && UNAVAILABLE_MESSAGES.test(cause.message)) return true;
    cause = cause.driverError as typeof cause;
  }
  return false;
}
