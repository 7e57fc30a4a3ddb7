import { lineAndColumn } from './body-position';
import { type LintFinding } from './template.linter';

// {{province.name}} as written (spaces, `~`, `this.`, triple braces); not inside a helper or a block's condition.
const PROVINCE_NAME = /\{\{\{?~?\s*(?:this\.)?province\.name\s*~?\}?\}\}/g;
const COMMENT = /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g;
/** A word, then blanks, right before the placeholder: it stands mid-sentence ("Công an ", "UBND ", "tại "). */
const ENDS_WITH_WORD = /[\p{L}\p{N}][ \t\u00a0]+$/u;
const WORD_OR_BLANK = /[\p{L}\p{M}\p{N} \t\u00a0]/u;
/** How much of the words before it a finding quotes. */
const QUOTED_LENGTH = 40;

/**
 * `{{province.name}}` ("Tỉnh Sơn La") after a word such as "Công an", "UBND", "Sở …": Decree 30/2020 writes
 * the kind of unit in lower case mid-sentence ("Công an tỉnh Sơn La"), which `{{province.unit}}` prints. At
 * the start of a sentence or a line, after punctuation or another placeholder, the capital is right.
 */
export function provinceNameMidSentence(body: string): LintFinding[] {
  const text = body.replace(COMMENT, (comment) => ' '.repeat(comment.length));
  return [...text.matchAll(PROVINCE_NAME)].flatMap((match) => {
    const words = wordsBefore(text, match.index);
    if (!words) return [];
    const { line, column } = lineAndColumn(body, match.index);
    return [
      {
        severity: 'warning',
        code: 'PROVINCE_NAME_MID_SENTENCE',
        message:
          `"${words} ${match[0]}" at line ${line}, column ${column} prints "${words} Tỉnh Sơn La" with a capital mid-sentence; ` +
          `Decree 30/2020 writes "${words} tỉnh Sơn La": write {{province.unit}}, or {{province.shortName}} for the name alone ("Sơn La")`,
        index: match.index,
        line,
        column,
      } satisfies LintFinding,
    ];
  });
}

/** The words since the last punctuation, line break or placeholder before `at` ("Ủy ban nhân dân"); null if none end right there. */
function wordsBefore(text: string, at: number): string | null {
  let start = at;
  while (start > 0 && WORD_OR_BLANK.test(text[start - 1])) start--;
  const clause = text.slice(start, at);
  if (!ENDS_WITH_WORD.test(clause)) return null;
  const words = clause.trim();
  return words.length <= QUOTED_LENGTH ? words : words.slice(words.indexOf(' ', words.length - QUOTED_LENGTH) + 1);
}
