import { Client } from 'pg';

// Loaded with --require into the dispatcher the campaign benchmark starts: counts the statements its pg
// clients send (BEGIN and COMMIT included) and tells the benchmark over IPC when asked. Never in production.
let statements = 0;
const prototype = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const query = prototype.query;
prototype.query = function (this: unknown, ...args: unknown[]) {
  statements++;
  return query.apply(this, args);
};
process.on('message', (message: { statements?: boolean }) => {
  if (message.statements) process.send?.({ statements });
});
