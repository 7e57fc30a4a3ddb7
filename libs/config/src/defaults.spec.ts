import { readFileSync } from 'node:fs';
import { configFile } from './config-files';
import { parseDefaults } from './defaults';

const committed = () => JSON.parse(readFileSync(configFile('defaults.json'), 'utf8')) as Record<string, unknown>;
const parse = (value: unknown) => parseDefaults(JSON.stringify(value), 'defaults.json');

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('config/defaults.json, validated at start', () => {
  it('accepts the committed file', () => {
    expect(parse(committed()).dailyCap).toBeGreaterThan(0);
  });

  it('names every bad, missing or unknown value in one error', () => {
    const bad = { ...committed(), dailyCap: 0, sendWindow: { start: '7:00', end: '21:00' }, maxTemplateSegments: '10', surprise: true };
    delete (bad as Record<string, unknown>).testSends;
    let message = '';
    try {
      parse(bad);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/dailyCap/);
    expect(message).toMatch(/sendWindow\.start must be HH:MM/);
    expect(message).toMatch(/maxTemplateSegments/);
    expect(message).toMatch(/testSends/);
    expect(message).toMatch(/surprise/);
    expect(message).not.toMatch(/sendWindow\.end/);
  });

  it('holds every tunable of the links, the carriers-file entries and the dispatcher', () => {
    const defaults = parse(committed());
    expect(defaults.link).toMatchObject({ reconnectInitialMs: 500, reconnectMaxMs: 30_000, pauseInitialMs: 250, pauseMaxMs: 10_000, drainTimeoutMs: 5000 });
    expect(defaults.carriers).toMatchObject({ window: 10, enquireLinkSeconds: 30, bindTimeoutSeconds: 5, requestTimeoutSeconds: 10 });
    expect(defaults.dispatcher).toMatchObject({ batchSize: 500, leaseSeconds: 120, receiptBatch: 5000, shutdownRecordWithinMs: 15_000 });
    expect(defaults.dispatcher.retry.refusedBackoffSeconds).toEqual({ first: 5, max: 300 });
  });

  it('refuses a tunable out of its range, a backoff that starts above its cap, and a missing group, naming each key', () => {
    const file = committed() as Record<string, Record<string, unknown>>;
    const retry = file.dispatcher.retry as Record<string, unknown>;
    const bad = {
      ...file,
      link: { ...file.link, reconnectInitialMs: 60_000, reconnectMaxMs: 1000, pauseMaxMs: -1 },
      dispatcher: { ...file.dispatcher, batchSize: 0, idleMs: 'soon', unmatchedReceiptSeconds: 60, retry: { ...retry, refusedBackoffSeconds: { first: 600, max: 60 } } },
      carriers: { ...file.carriers, window: 5000 },
    };
    const message = errorOf(() => parse(bad));
    expect(message).toMatch(/link\.reconnectInitialMs: reconnectInitialMs must not exceed reconnectMaxMs \(1000\)/);
    expect(message).toMatch(/link\.pauseMaxMs: pauseMaxMs must not be less than 10/);
    expect(message).toMatch(/dispatcher\.batchSize: batchSize must not be less than 1/);
    expect(message).toMatch(/dispatcher\.idleMs: idleMs must be an integer/);
    expect(message).toMatch(/dispatcher\.unmatchedReceiptSeconds: unmatchedReceiptSeconds must be greater than leaseSeconds \(120\)/);
    expect(message).toMatch(/dispatcher\.retry\.refusedBackoffSeconds\.first: first must not exceed max \(60\)/);
    expect(message).toMatch(/carriers\.window: window must not be greater than 1000/);
    expect(message).toMatch(/link\.pauseInitialMs: pauseInitialMs must not exceed pauseMaxMs \(-1\)/);
    expect(message).not.toMatch(/link\.drainTimeoutMs/);
    const { dispatcher: _, ...withoutDispatcher } = file;
    expect(errorOf(() => parse(withoutDispatcher))).toMatch(/^ {2}dispatcher should not be null or undefined$/m);
  });

  it('says when the file is not JSON', () => {
    expect(() => parseDefaults('{ "dailyCap": 2,', 'defaults.json')).toThrow(/defaults.json: not JSON/);
  });
});
