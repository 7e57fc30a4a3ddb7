import Handlebars from 'handlebars';
import { checkTemplateAst } from './template-ast.checker';
import { plainRenderer } from './template-fast-path';
import { parseTemplate } from './template-syntax';
import { SAMPLE_CONTEXT, type TemplateContext, type TemplateVariable } from './template-variables';
import { TemplateError } from './template.exception';

/** An SMS warning is at most a few segments; 2,000 characters is far beyond any real one. */
export const MAX_TEMPLATE_LENGTH = 2000;

export interface CompiledTemplate {
  /** The body as compiled (NFC). */
  readonly body: string;
  readonly variables: ReadonlySet<TemplateVariable>;
  /** Variables printed without an {{#if}} on themselves: each must have a value for every province. */
  readonly unguarded: ReadonlySet<TemplateVariable>;
  readonly render: HandlebarsTemplateDelegate<TemplateContext>;
}

// An isolated instance: nothing registered elsewhere in the process leaks into templates.
const handlebars = Handlebars.create();
for (const builtIn of ['each', 'with', 'lookup', 'log']) handlebars.unregisterHelper(builtIn);
handlebars.registerHelper('upper', (value: unknown) => String(value ?? '').toLocaleUpperCase('vi'));
handlebars.registerHelper('lower', (value: unknown) => String(value ?? '').toLocaleLowerCase('vi'));

const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: { upper: true, lower: true },
  // SMS is not HTML: "&" must stay "&".
  noEscape: true,
};

const RUNTIME_OPTIONS: RuntimeOptions = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
  allowCallsToHelperMissing: false,
};

/** Body checks shared with lint: empty, too long, syntax; returns the NFC body and its AST. */
export function parseTemplateBody(body: string): { body: string; program: hbs.AST.Program } {
  const normalized = body.normalize('NFC');
  if (normalized.trim().length === 0) throw new TemplateError('EMPTY', 'The template is empty');
  if (normalized.length > MAX_TEMPLATE_LENGTH) {
    throw new TemplateError('TOO_LONG', `The template is ${normalized.length} characters long; the limit is ${MAX_TEMPLATE_LENGTH}`);
  }
  return { body: normalized, program: parseTemplate(normalized) };
}

/** Compiles once; every problem (including unknown variables) is found here, before any render. */
export function compileTemplate(body: string): CompiledTemplate {
  const parsed = parseTemplateBody(body);
  const check = checkTemplateAst(parsed.program);
  if (check.problems.length > 0) throw check.problems[0];
  const delegate = handlebars.compile<TemplateContext>(parsed.program, COMPILE_OPTIONS);
  const render: HandlebarsTemplateDelegate<TemplateContext> = plainRenderer(parsed.program) ?? ((context) => delegate(context, RUNTIME_OPTIONS));
  // Handlebars compiles lazily; one render here makes any remaining compiler error surface now.
  delegate(SAMPLE_CONTEXT, RUNTIME_OPTIONS);
  return { body: parsed.body, variables: check.variables, unguarded: check.unguarded, render };
}

/** The text one province receives, NFC. */
export function renderTemplate(compiled: CompiledTemplate, context: TemplateContext): string {
  return compiled.render(context).normalize('NFC');
}
