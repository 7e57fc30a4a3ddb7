import { type ZxcvbnFactory } from '@zxcvbn-ts/core';
import { invalid } from '@loa/common';

export const MIN_PASSWORD_LENGTH = 10;
/** zxcvbn's 0-4: 3 is "safely unguessable: moderate protection from offline slow-hash attacks" (about 10^8 guesses and more). */
export const MIN_PASSWORD_SCORE = 3;

export type PasswordRule = 'PASSWORD_TOO_SHORT' | 'PASSWORD_CONTAINS_USERNAME' | 'PASSWORD_TOO_GUESSABLE';

/** Words of this site an attacker tries first, besides the username (zxcvbn's "user inputs"). */
const SITE_WORDS = ['loa', 'loa-demo', 'demo', 'congan', 'cong an', 'canhbao', 'canh bao', 'matkhau', 'mat khau'];

// The estimator and its dictionaries (about 250 ms of CPU to load and build) come on the first password checked,
// not with the module: every process that imports the auth library (each dispatcher, each CLI command) would pay it.
let estimator: Promise<ZxcvbnFactory> | undefined;
function passwordEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
    });
  })();
  return estimator;
}

/**
 * What is wrong with a password a person chose for `username`, or null: at least MIN_PASSWORD_LENGTH characters,
 * not containing the username (case-insensitive), and a zxcvbn score of at least MIN_PASSWORD_SCORE with the
 * common-password and English dictionaries. `rule` is the stable code; the message says it in English and Vietnamese.
 */
export async function passwordProblem(password: string, username: string): Promise<{ rule: PasswordRule; message: string } | null> {
  const text = password.normalize('NFC');
  if ([...text].length < MIN_PASSWORD_LENGTH) {
    return {
      rule: 'PASSWORD_TOO_SHORT',
      message: `at least ${MIN_PASSWORD_LENGTH} characters (mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự)`,
    };
  }
  if (username !== '' && text.toLowerCase().includes(username.toLowerCase())) {
    return { rule: 'PASSWORD_CONTAINS_USERNAME', message: 'must not contain the username (mật khẩu không được chứa tên đăng nhập)' };
  }
  const estimate = (await passwordEstimator()).check(text.slice(0, 100), [username, ...SITE_WORDS]);
  if (estimate.score < MIN_PASSWORD_SCORE) {
    const hint = estimate.feedback.warning ? ` (${estimate.feedback.warning})` : '';
    return {
      rule: 'PASSWORD_TOO_GUESSABLE',
      message: `too easy to guess${hint}; use a longer phrase of unrelated words (mật khẩu quá dễ đoán; hãy dùng một cụm từ dài hơn)`,
    };
  }
  return null;
}

/** Refuses a password a person chose with a 400 naming the rule (details: `{field: 'password', rule}`). */
export async function assertAcceptablePassword(password: string, username: string): Promise<void> {
  const problem = await passwordProblem(password, username);
  if (problem) throw invalid(`password: ${problem.message}`, { field: 'password', rule: problem.rule });
}
