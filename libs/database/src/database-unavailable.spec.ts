import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
// TypeORM wraps the pg error of a failed query.
const wrapped = (driverError: Error) => Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError });

describe(isDatabaseUnavailable.name, () => {
  it.each([
    ['admin shutdown (restart), 57P01', withCode('57P01', 'terminating connection due to administrator command')],
    ['cannot connect now (starting up), 57P03', withCode('57P03')],
    ['connection failure, 08006', withCode('08006')],
    ['too many connections, 53300', withCode('53300')],
    ['refused socket', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['reset socket', withCode('ECONNRESET')],
    ['a cut connection, no code', new Error('Connection terminated unexpectedly')],
    ['a database closed to connections', withCode('55000', 'database "loa" is not currently accepting connections')],
    ['any of these wrapped by TypeORM', wrapped(withCode('57P01'))],
  ])('%s: unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation, 23505', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error, 42601', wrapped(withCode('42601', 'syntax error at or near "SELEC"'))],
    ['another 55000', withCode('55000', 'cannot refresh materialized view concurrently')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error at all', 'boom'],
    ['nothing', undefined],
  ])('%s: not unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
