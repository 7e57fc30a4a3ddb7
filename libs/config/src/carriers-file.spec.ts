import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFile } from './config-files';
import { loadCarriersFile } from './carriers-file';

const committed = () => (JSON.parse(readFileSync(configFile('carriers.json'), 'utf8')) as { carriers: Record<string, unknown>[] }).carriers;

describe(loadCarriersFile.name, () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'loa-carriers-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const load = (carriers: Record<string, unknown>[]) => {
    const path = join(dir, 'carriers.json');
    writeFileSync(path, JSON.stringify({ carriers }));
    return () => loadCarriersFile(path);
  };

  it('reads the brandname and its certificate from the default file, the brandname also as sourceAddr', () => {
    const [viettel] = loadCarriersFile(configFile('carriers.json'));
    expect(viettel).toMatchObject({ brandname: 'CONGAN', sourceAddr: 'CONGAN', certificate: { validFrom: '2025-03-01', validTo: '2030-02-28' } });
  });

  it('keeps a file that names the brandname as sourceAddr, with no certificate', () => {
    const { brandname: _, certificate: __, ...entry } = committed()[0];
    const [account] = load([{ ...entry, sourceAddr: 'CONGAN' }])();
    expect(account).toMatchObject({ brandname: 'CONGAN', sourceAddr: 'CONGAN' });
    expect(account.certificate).toBeUndefined();
  });

  it('refuses a brandname that differs from sourceAddr, a date that is not a calendar day, and a term that ends before it starts', () => {
    const entry = committed()[0];
    expect(load([{ ...entry, sourceAddr: 'BOCONGAN' }])).toThrow(/carriers\[0\] \(viettel\)\.brandname: "CONGAN" differs from sourceAddr "BOCONGAN"/);
    expect(load([{ ...entry, certificate: { number: '1', validFrom: '2025-03-01', validTo: '28/02/2030' } }])).toThrow(
      /carriers\[0\] \(viettel\)\.certificate\.validTo: validTo must be a date, YYYY-MM-DD/,
    );
    expect(load([{ ...entry, certificate: { number: '1', validFrom: '2025-03-01', validTo: '2025-02-28' } }])).toThrow(
      /certificate\.validTo: 2025-02-28 is before validFrom 2025-03-01/,
    );
    const { brandname: _, ...nameless } = entry;
    expect(load([nameless])).toThrow(/carriers\[0\] \(viettel\)\.sourceAddr/);
  });

  it('gives an entry the link settings it leaves out from config/defaults.json "carriers"; its own values win', () => {
    const { window: _, enquireLinkSeconds: __, validityHours: ___, ...entry } = committed()[0];
    const [account] = load([{ ...entry, requestTimeoutSeconds: 20 }])();
    expect(account).toMatchObject({ window: 10, enquireLinkSeconds: 30, validityHours: 24, bindTimeoutSeconds: 5, requestTimeoutSeconds: 20 });
    expect(load([{ ...entry, window: 0 }])).toThrow(/carriers\[0\] \(viettel\)\.window: window must not be less than 1/);
  });

  it('reads templateRegistration (the default file requires it, an entry without it demands none) and refuses any other value', () => {
    expect(loadCarriersFile(configFile('carriers.json')).map((account) => account.templateRegistration)).toEqual(['required', 'required', 'required']);
    const { templateRegistration: _, ...entry } = committed()[0];
    expect(load([entry])()[0].templateRegistration).toBe('none');
    expect(load([{ ...entry, templateRegistration: 'yes' }])).toThrow(/carriers\[0\] \(viettel\)\.templateRegistration: templateRegistration must be one of the following values: required, none/);
    expect(load([{ ...entry, templateRefusedStatus: 'x' }])).toThrow(/templateRefusedStatus must be an integer/);
  });
});
