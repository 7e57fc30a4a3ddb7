import Handlebars from 'handlebars';
import { TemplateError } from './template.exception';

// Jison token names as a drafter would read them.
const TOKENS: Record<string, string> = {
  EOF: 'the end of the template',
  INVALID: 'an unexpected character',
  CLOSE: '}}',
  CLOSE_UNESCAPED: '}}}',
  OPEN: '{{',
  OPEN_BLOCK: '{{#',
  OPEN_ENDBLOCK: '{{/',
  OPEN_INVERSE: '{{^',
  OPEN_INVERSE_CHAIN: '{{else',
  INVERSE: '{{else}}',
  OPEN_SEXPR: '(',
  CLOSE_SEXPR: ')',
  ID: 'a name',
  SEP: '.',
  EQUALS: '=',
  STRING: 'a string',
  NUMBER: 'a number',
  CONTENT: 'text',
  OPEN_PARTIAL: '{{>',
  COMMENT: 'a comment',
  DATA: '@',
};

function humanToken(token: string): string {
  return TOKENS[token] ?? token;
}

interface JisonLexer {
  yylloc?: { first_line: number; first_column: number; last_line: number; last_column: number };
}

/** Parses the body; a syntax error becomes TemplateError SYNTAX with a 1-based line and column. */
export function parseTemplate(body: string): hbs.AST.Program {
  try {
    return Handlebars.parse(body);
  } catch (error) {
    throw unclosedMustache(body) ?? syntaxError(error as Error & { lineNumber?: number; column?: number });
  }
}

/** The commonest slip, "{{province.hotline" with no "}}", pointed at where it opens. */
function unclosedMustache(body: string): TemplateError | null {
  const open = body.lastIndexOf('{{');
  if (open < 0 || body.indexOf('}}', open) >= 0) return null;
  const before = body.slice(0, open);
  return located('Template syntax error: "{{" is never closed with "}}"', before.split('\n').length, open - before.lastIndexOf('\n') - 1);
}

function syntaxError(error: Error & { lineNumber?: number; column?: number }): TemplateError {
  if (typeof error.lineNumber === 'number') {
    // Handlebars' own Exception (e.g. "if doesn't match unless") carries the node location, column 0-based.
    const detail = error.message.replace(/ - \d+:\d+$/, '');
    return located(
      `Template syntax error: ${detail.replace(/^(\w+) doesn't match (\w+)$/, '{{#$1}} is closed by {{/$2}}')}`,
      error.lineNumber,
      error.column ?? 0,
    );
  }
  // Jison parse errors carry no location on the error; the shared lexer still holds the last token's.
  const where = (Handlebars as unknown as { Parser: { lexer: JisonLexer } }).Parser.lexer.yylloc;
  const got = /got '(\w+)'/.exec(error.message)?.[1];
  const expected = [...error.message.matchAll(/'(\w+)'/g)].map((match) => match[1]).filter((token) => token !== got);
  const detail = got
    ? `unexpected ${humanToken(got)}${expected.length ? ` (expected ${[...new Set(expected.map(humanToken))].slice(0, 4).join(', ')})` : ''}`
    : error.message.split('\n')[0];
  // At the end of input the useful place is just after the last token, where the closing was expected.
  const atEnd = got === 'EOF';
  return located(
    `Template syntax error: ${detail}`,
    (atEnd ? where?.last_line : where?.first_line) ?? 1,
    (atEnd ? where?.last_column : where?.first_column) ?? 0,
  );
}

function located(message: string, line: number, zeroBasedColumn: number): TemplateError {
  return new TemplateError('SYNTAX', message, line, zeroBasedColumn + 1);
}
