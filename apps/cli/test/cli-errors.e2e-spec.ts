import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, loa } from './loa-process';

/**
 * Each command given what a person gets wrong, with no DATABASE_URL and a fresh data folder: one line saying
 * what failed and what to do, exit 2, never "undefined", and no embedded PostgreSQL started to say it.
 */
describe('loa, given a wrong command line, a missing file or a bad value', () => {
  let root: string;
  let data: string;

  beforeAll(() => {
    assertBuilt();
    root = mkdtempSync(join(tmpdir(), 'loa-errors-'));
    data = join(root, 'data');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const cases: [string, string[], RegExp, { input?: string; env?: Record<string, string> }?][] = [
    ['no command', [], /^loa: `loa` needs a command: see `loa --help`$/],
    ['an unknown command', ['frob'], /^loa: unknown command 'frob'; see `loa --help`$/],
    ['a mistyped command', ['strat'], /^loa: unknown command 'strat' \(Did you mean start\?\); see `loa --help`$/],
    ['import without its file', ['import'], /^loa: missing required argument 'csv'; see `loa import --help`$/],
    ['import of a file that is not there', ['import', 'nope.csv'], /^loa: nope\.csv: no such file$/],
    ['import of a folder', ['import', '.'], /^loa: \.: not a file \(a CSV file is expected\)$/],
    ['import with an unknown option', ['import', 'subs.csv', '--bogus'], /^loa: unknown option '--bogus'; see `loa import --help`$/],
    ['import of two files', ['import', 'a.csv', 'b.csv'], /^loa: too many arguments for 'import'\. Expected 1 argument but got 2; see `loa import --help`$/],
    ['user without add', ['user'], /^loa: `loa user` needs a command: see `loa user --help`$/],
    ['user add without a role', ['user', 'add', 'bob'], /^loa: required option '--role <role>' not specified; see `loa user add --help`$/],
    ['user add with an unknown role', ['user', 'add', 'bob', '--role', 'king'], /^loa: role: must be one of admin, drafter, approver, operator, viewer$/],
    ['user add with a bad username', ['user', 'add', 'B o b', '--role', 'viewer'], /^loa: username: 3-64 characters, /],
    [
      'user add with no password on stdin',
      ['user', 'add', 'bob', '--role', 'viewer'],
      /^loa: no password on standard input: echo 'the-password' \| loa user add bob/,
    ],
    ['user add with a short password', ['user', 'add', 'bob', '--role', 'viewer'], /^loa: password: at least \d+ characters/, { input: 'short\n' }],
    // The password policy (libs/auth/src/password-policy.ts): a person's choice, unlike the demo password.
    ...(['12345678', 'password', 'loa-demo'].map((password) => [
      `user add with the password ${password}`,
      ['user', 'add', 'bob', '--role', 'viewer'],
      /^loa: password: at least 10 characters \(mật khẩu phải có ít nhất 10 ký tự\)$/,
      { input: `${password}\n` },
    ]) as [string, string[], RegExp, { input: string }][]),
    [
      'user add with the username in the password',
      ['user', 'add', 'can-bo-14', '--role', 'viewer'],
      /^loa: password: must not contain the username/,
      { input: 'CAN-BO-14-son-la\n' },
    ],
    ['user add with a guessable password', ['user', 'add', 'bob', '--role', 'viewer'], /^loa: password: too easy to guess/, { input: 'password1234\n' }],
    [
      'user add with an unknown province',
      ['user', 'add', 'bob', '--role', 'viewer', '--provinces', 'Atlantis'],
      /^loa: --provinces: unknown province "Atlantis"/,
      { input: 'mat-khau-dai-du\n' },
    ],
    ['seed-demo with a count that is not one', ['seed-demo', '--subscribers', 'lots'], /^loa: --subscribers: expected a whole number, got lots$/],
    ['stats check with an argument', ['stats', 'check', 'now'], /^loa: too many arguments for 'check'\. .*; see `loa stats check --help`$/],
    ['migrate with an unknown option', ['migrate', '--force'], /^loa: unknown option '--force'; see `loa migrate --help`$/],
    ['dispatcher with a lease of 0', ['dispatcher', '--lease-seconds', '0'], /^loa: --lease-seconds: expected at least 1, got 0$/],
    ['dispatcher without DATABASE_URL', ['dispatcher'], /^loa: loa dispatcher needs DATABASE_URL /],
    ['api without DATABASE_URL', ['api'], /^loa: loa api needs DATABASE_URL /],
    ['simulate with a status port that is no number', ['simulate', '--status-port', 'x'], /^loa: --status-port: expected a whole number, got x$/],
    ['start with a carriers file that is not there', ['start'], /^loa: .*no-such-carriers\.json/, { env: { CARRIERS_FILE: 'no-such-carriers.json' } }],
    ['a bad environment value', ['migrate'], /^loa: invalid environment: LOA_LOG_FORMAT must be one of json, pretty$/, { env: { LOA_LOG_FORMAT: 'xml' } }],
  ];

  it.each(cases)(
    '%s: one line, exit 2, no database started',
    async (_name, args, message, options = {}) => {
      const { code, stdout, stderr } = await loa(args, { LOA_DATA_DIR: data, ...options.env }, options.input);

      expect(stderr.trim()).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(code).toBe(2);
      expect(`${stdout}\n${stderr}`.split('\n').filter((line) => /undefined/.test(line))).toEqual([]);
      expect(existsSync(join(data, 'postgres'))).toBe(false);
    },
    30_000,
  );
});
