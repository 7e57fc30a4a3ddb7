import { readFileSync } from 'node:fs';
import { configFile } from './config-files';
import { parseDefaults } from './defaults';

const committed = () => JSON.parse(readFileSync(configFile('defaults.json'), 'utf8')) as Record<string, unknown>;
const parse = (value: unknown) => parseDefaults(JSON.stringify(value), 'defaults.json');

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

  it('says when the file is not JSON', () => {
    expect(() => parseDefaults('{ "dailyCap": 2,', 'defaults.json')).toThrow(/defaults.json: not JSON/);
  });
});
