import { isTemplateVariable, TEMPLATE_VARIABLES, type TemplateVariable } from './template-variables';
import { TemplateError } from './template.exception';

export const INLINE_HELPERS = ['upper', 'lower'] as const;
const BLOCK_HELPERS = ['if', 'unless'];
const ALLOWED = Object.keys(TEMPLATE_VARIABLES).join(', ');
/** Variables that are empty together: testing one guards the other. */
const SAME_PRESENCE: Partial<Record<string, string>> = { 'province.hotline': 'province.hotlines', 'province.hotlines': 'province.hotline' };

export interface TemplateCheck {
  problems: TemplateError[];
  /** Each allowed variable the template uses. */
  variables: Set<TemplateVariable>;
  /** Variables printed outside an {{#if}} on themselves (or an {{#unless}}'s else): an empty one leaves a hole. */
  unguarded: Set<TemplateVariable>;
}

/** Walks the AST: only Loa's variables, `if`/`unless` blocks and Loa's helpers; no partials or decorators. */
export function checkTemplateAst(program: hbs.AST.Program): TemplateCheck {
  const check: TemplateCheck = { problems: [], variables: new Set(), unguarded: new Set() };
  visitProgram(program, check, new Set());
  return check;
}

function problem(check: TemplateCheck, code: 'SYNTAX' | 'UNKNOWN_HELPER' | 'UNKNOWN_VARIABLE', message: string, node: hbs.AST.Node): void {
  const line = node.loc?.start.line;
  const column = node.loc ? node.loc.start.column + 1 : undefined;
  check.problems.push(new TemplateError(code, message, line, column));
}

/** `guarded`: the variables an enclosing block has checked to be non-empty. */
function visitProgram(program: hbs.AST.Program | undefined, check: TemplateCheck, guarded: ReadonlySet<string>): void {
  for (const statement of program?.body ?? []) visitStatement(statement, check, guarded);
}

function visitStatement(node: hbs.AST.Statement, check: TemplateCheck, guarded: ReadonlySet<string>): void {
  switch (node.type) {
    case 'ContentStatement':
    case 'CommentStatement':
      return;
    case 'MustacheStatement': {
      const mustache = node as hbs.AST.MustacheStatement;
      if (mustache.params.length > 0 || mustache.hash) return visitCall(mustache, check, guarded);
      return visitValue(mustache.path, check, guarded);
    }
    case 'BlockStatement': {
      const block = node as hbs.AST.BlockStatement;
      const name = (block.path as hbs.AST.PathExpression).original;
      if (!BLOCK_HELPERS.includes(name)) {
        return problem(check, 'UNKNOWN_HELPER', `Unknown block helper {{#${name}}}; only {{#if}} and {{#unless}} are available`, block);
      }
      if (block.params.length !== 1 || block.hash) {
        problem(check, 'SYNTAX', `{{#${name}}} takes exactly one value, e.g. {{#${name} province.website}}`, block);
      }
      block.params.forEach((param) => visitValue(param, check, null));
      const tested =
        block.params.length === 1 && block.params[0].type === 'PathExpression' ? (block.params[0] as hbs.AST.PathExpression).parts.join('.') : null;
      const withTested = tested ? new Set([...guarded, tested]) : guarded;
      visitProgram(block.program, check, name === 'if' ? withTested : guarded);
      return visitProgram(block.inverse, check, name === 'unless' ? withTested : guarded);
    }
    default:
      // Partials, partial blocks and decorators could pull in text no one reviewed.
      return problem(check, 'UNKNOWN_HELPER', `${node.type.replace('Statement', '')} is not available in Loa templates`, node);
  }
}

function visitCall(call: hbs.AST.MustacheStatement | hbs.AST.SubExpression, check: TemplateCheck, guarded: ReadonlySet<string>): void {
  const name = call.path.type === 'PathExpression' ? (call.path as hbs.AST.PathExpression).original : String((call.path as { value?: unknown }).value);
  if (!(INLINE_HELPERS as readonly string[]).includes(name)) {
    problem(check, 'UNKNOWN_HELPER', `Unknown helper "${name}"; available helpers: ${INLINE_HELPERS.join(', ')}`, call);
  }
  call.params.forEach((param) => visitValue(param, check, guarded));
  call.hash?.pairs.forEach((pair) => visitValue(pair.value, check, guarded));
}

/** `guarded` null: the value is tested (a block's condition), not printed. */
function visitValue(node: hbs.AST.Expression, check: TemplateCheck, guarded: ReadonlySet<string> | null): void {
  if (node.type === 'SubExpression') return visitCall(node as hbs.AST.SubExpression, check, guarded ?? new Set());
  if (node.type !== 'PathExpression') return;
  const path = node as hbs.AST.PathExpression;
  // `this.province.name` is `province.name`; `../x` and `@data` reach outside the context.
  const name = path.parts.join('.');
  if (!path.data && path.depth === 0 && isTemplateVariable(name)) {
    check.variables.add(name);
    if (guarded && !guarded.has(name) && !guarded.has(SAME_PRESENCE[name] ?? name)) check.unguarded.add(name);
    return;
  }
  problem(check, 'UNKNOWN_VARIABLE', `Unknown variable {{${path.original}}}; available: ${ALLOWED}`, path);
}
