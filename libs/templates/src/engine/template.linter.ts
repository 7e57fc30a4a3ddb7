import {
  type CarrierTextProfile,
  countCarrierSegments,
  type EncodingPolicy,
  findInvisibleCharacters,
  findNonGsmCharacters,
  isInvisibleCharacter,
  prepareText,
  SmsTextError,
} from '@loa/sms';
import { lineAndColumn } from './body-position';
import { findLinks, isAllowedHost } from './links';
import { EMERGENCY_NUMBERS, findPhoneNumbers, nationalNumber } from './phone-numbers';
import { provinceNameMidSentence } from './province-name.lint';
import { checkTemplateAst } from './template-ast.checker';
import { compileTemplate, type CompiledTemplate, parseTemplateBody, renderTemplate } from './template.compiler';
import {
  CONTACT_VARIABLES,
  type ContactVariable,
  isTemplateVariable,
  SAMPLE_CONTEXT,
  type TemplateCampaign,
  type TemplateContext,
  type TemplateProvince,
  type TemplateVariable,
} from './template-variables';
import { TemplateError } from './template.exception';

export interface LintFinding {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  /** Province code, when the finding concerns one province only. */
  province?: string;
  /** Province codes, when the finding names several (e.g. those with no hotline on record). */
  provinces?: string[];
  line?: number;
  column?: number;
  /** UTF-16 index: in the body for line/column findings, else in the province's rendered text. */
  index?: number;
}

export interface LintOptions {
  policy: EncodingPolicy;
  maxSegments: number;
  allowedLinkDomains: readonly string[];
  /** The targeted provinces; empty lints against sample values and flags numbers written into the text. */
  provinces: readonly TemplateProvince[];
  campaign?: TemplateCampaign;
  /** The carriers the text goes to, each counted with its own concatenation and coding; default one udh8 carrier. */
  carriers?: readonly CarrierTextProfile[];
  /** How a contact printed for a province with none on record is reported: error (default) or warning. */
  missingContacts?: LintFinding['severity'];
}

const UDH8_CARRIER: CarrierTextProfile = { carrier: 'udh8', concat: 'udh8', gsmCoding: 'gsm0338' };

/** A finding for one province; `say` words it for that province or for all of them. */
interface ProvinceFinding {
  severity: LintFinding['severity'];
  code: string;
  say: (where: string) => string;
  index?: number;
}

/** Everything a drafter and an approver should know before a template is approved. */
export function lintTemplate(body: string, options: LintOptions): LintFinding[] {
  let compiled: CompiledTemplate;
  try {
    const parsed = parseTemplateBody(body);
    const problems = checkTemplateAst(parsed.program).problems;
    if (problems.length > 0) return problems.map(templateFinding);
    compiled = compileTemplate(body);
  } catch (error) {
    if (error instanceof TemplateError) return [templateFinding(error)];
    throw error;
  }
  const bodyIsGsm = findNonGsmCharacters(staticText(compiled.body)).length === 0;
  const findings = [
    ...invisibleInBody(compiled.body),
    ...singleBraces(compiled.body),
    ...provinceNameMidSentence(compiled.body),
    ...(options.policy === 'auto' ? ucs2InBody(compiled.body) : []),
    ...(options.provinces.length === 0 ? hardcodedNumbers(compiled.body) : []),
  ];
  const provinces = options.provinces.length > 0 ? options.provinces : [SAMPLE_CONTEXT.province];
  const perProvince = provinces.map((province) => lintProvince(compiled, province, options, bodyIsGsm));
  const contacts = missingContacts(compiled, options.provinces, options.missingContacts ?? 'error');
  return [...findings, ...contacts, ...collapse(provinces, perProvince, options.provinces.length === 0)];
}

const CONTACT_NAMES: Record<ContactVariable, string> = {
  'province.hotline': 'police hotline',
  'province.hotlines': 'police hotline',
  'province.website': 'website',
  'province.zalo': 'Zalo OA',
  'province.fanpage': 'Facebook fanpage',
  'province.vneid': 'VNeID alert link',
};

/** A printed contact (hotline, website, Zalo…) the province has none of: one finding per variable, naming the provinces. */
function missingContacts(compiled: CompiledTemplate, provinces: readonly TemplateProvince[], severity: LintFinding['severity']): LintFinding[] {
  return CONTACT_VARIABLES.filter((variable) => compiled.unguarded.has(variable as TemplateVariable)).flatMap((variable) => {
    const key = variable.slice('province.'.length) as keyof TemplateProvince;
    const missing = provinces.filter((province) => !province[key]);
    if (missing.length === 0) return [];
    const names = missing.map((province) => province.name).join(', ');
    return [
      {
        severity,
        code: 'CONTACT_MISSING',
        message:
          `{{${variable}}}: no ${CONTACT_NAMES[variable]} on record for ${names} (${missing.length} of ${provinces.length} provinces); ` +
          `an admin sets it with PATCH /provinces/:code or config/provinces.json, or the template prints it only {{#if ${variable}}}`,
        provinces: missing.map((province) => province.code),
      },
    ];
  });
}

function templateFinding(error: TemplateError): LintFinding {
  return { severity: 'error', code: error.code, message: error.message, line: error.line, column: error.column };
}

function lintProvince(compiled: CompiledTemplate, province: TemplateProvince, options: LintOptions, bodyIsGsm: boolean): ProvinceFinding[] {
  const sample = options.provinces.length === 0;
  const context: TemplateContext = { province, campaign: options.campaign ?? SAMPLE_CONTEXT.campaign };
  // Links and numbers are read in the text as rendered, as the phone shows it: the body and every value filled in.
  const text = renderTemplate(compiled, context);
  const findings: ProvinceFinding[] = invisibleInValues(compiled, context);
  for (const link of findLinks(text)) {
    if (isAllowedHost(link.host, options.allowedLinkDomains)) continue;
    findings.push({
      severity: 'error',
      code: 'LINK_NOT_ALLOWED',
      index: link.index,
      say: (where) => `Link "${link.text}" (${link.host}) is not on the allow-list of official domains${where}`,
    });
  }
  if (!sample) {
    const hotlines = new Set([
      ...EMERGENCY_NUMBERS,
      ...(province.hotline ? [nationalNumber(province.hotline)] : []),
      ...findPhoneNumbers(`${province.hotline ?? ''} ${province.hotlines ?? ''}`).map((phone) => phone.national),
    ]);
    for (const phone of findPhoneNumbers(text)) {
      if (hotlines.has(phone.national)) continue;
      findings.push({
        severity: 'error',
        code: 'PHONE_NOT_HOTLINE',
        index: phone.index,
        say: (where) => `Phone number ${phone.text} is not an official police hotline${where}`,
      });
    }
  }
  try {
    const described = prepareText(text, options.policy);
    const tooMany = tooManySegments(described.text, described.encoding, options);
    if (tooMany) findings.push(tooMany);
    if (options.policy === 'auto' && bodyIsGsm && described.encoding === 'ucs2') {
      const characters = findNonGsmCharacters(described.text).map((found) => `"${found.character}" (${found.codePoint}) at ${found.index}`);
      findings.push({
        severity: 'warning',
        code: 'UCS2_VARIABLE',
        say: (where) => `The template text is GSM, but the values filled in${where} force UCS-2: ${characters.join(', ')}`,
      });
    }
  } catch (error) {
    if (!(error instanceof SmsTextError)) throw error;
    findings.push({ severity: 'error', code: error.code, index: error.index, say: (where) => `${error.message}${where}; it cannot be sent under ascii-fold` });
  }
  return findings;
}

/** More parts than the template allows on any of the carriers, each counted its own way; names them where they differ. */
function tooManySegments(text: string, encoding: 'gsm7' | 'ucs2', options: LintOptions): ProvinceFinding | null {
  const carriers = options.carriers?.length ? options.carriers : [UDH8_CARRIER];
  const counts = carriers.map((carrier) => ({ carrier: carrier.carrier, ...countCarrierSegments(text, encoding, carrier) }));
  const over = counts.filter((count) => count.segments > options.maxSegments);
  if (over.length === 0) return null;
  const label = (count: (typeof counts)[number]) => `${count.segments} ${count.encoding === 'ucs2' ? 'UCS-2' : 'GSM'} segments`;
  const allSame = over.length === counts.length && new Set(over.map(label)).size === 1;
  const detail = allSame ? label(over[0]) : over.map((count) => `${label(count)} on ${count.carrier}`).join(', ');
  return { severity: 'error', code: 'TOO_MANY_SEGMENTS', say: (where) => `Renders to ${detail}${where}; the limit is ${options.maxSegments}` };
}

/** Findings every province shares are reported once; the rest once per province, naming it. */
function collapse(provinces: readonly TemplateProvince[], perProvince: ProvinceFinding[][], sample: boolean): LintFinding[] {
  const counts = new Map<string, number>();
  const key = (finding: ProvinceFinding) => `${finding.severity}|${finding.code}|${finding.say('')}`;
  for (const findings of perProvince) for (const finding of new Set(findings.map(key))) counts.set(finding, (counts.get(finding) ?? 0) + 1);
  const out: LintFinding[] = [];
  const reported = new Set<string>();
  perProvince.forEach((findings, i) => {
    for (const finding of findings) {
      const shared = provinces.length > 1 && counts.get(key(finding)) === provinces.length;
      if (shared && reported.has(key(finding))) continue;
      reported.add(key(finding));
      const where = sample ? '' : shared ? ` (all ${provinces.length} provinces)` : ` for ${provinces[i].name}`;
      const message = finding.say(where);
      out.push({ severity: finding.severity, code: finding.code, message, index: finding.index, ...(sample || shared ? {} : { province: provinces[i].code }) });
    }
  });
  return out;
}

const INVISIBLE_WHY = 'a phone shows nothing there, and it can hide a number or a link from this check';

/** Each invisible character the drafter wrote (zero-width space, Hangul filler, variation selector…), with its place. */
function invisibleInBody(body: string): LintFinding[] {
  return findInvisibleCharacters(staticText(body)).map(({ index, codePoint }) => {
    const { line, column } = lineAndColumn(body, index);
    return {
      severity: 'error',
      code: 'INVISIBLE_CHARACTER',
      message: `Invisible character ${codePoint} at line ${line}, column ${column}: ${INVISIBLE_WHY}; remove it`,
      index,
      line,
      column,
    };
  });
}

/** An invisible character in a value the template prints (a campaign name, a province's hotline or website). */
function invisibleInValues(compiled: CompiledTemplate, context: TemplateContext): ProvinceFinding[] {
  return [...compiled.variables].flatMap((variable) => {
    const invisible = findInvisibleCharacters(valueOf(context, variable))[0];
    if (!invisible) return [];
    return [
      {
        severity: 'error',
        code: 'INVISIBLE_CHARACTER',
        say: (where: string) => `Invisible character ${invisible.codePoint} in {{${variable}}}${where}: ${INVISIBLE_WHY}; remove it from the value`,
      } satisfies ProvinceFinding,
    ];
  });
}

function valueOf(context: TemplateContext, variable: TemplateVariable): string {
  const value = variable.split('.').reduce<unknown>((object, key) => (object as Record<string, unknown> | null | undefined)?.[key], context);
  return typeof value === 'string' ? value : '';
}

// "{province.name}" prints as it is: Handlebars reads only double braces.
const SINGLE_BRACES = /(?<!\{)\{\s*([a-z_]\w*(?:\.\w+)*)\s*\}\}?(?!\})/gi;

/** A placeholder written with single braces (a known variable, or a dotted name), naming the double-brace form. */
function singleBraces(body: string): LintFinding[] {
  return [...staticText(body).matchAll(SINGLE_BRACES)].flatMap((match) => {
    const name = match[1];
    if (!isTemplateVariable(name) && !name.includes('.')) return [];
    const { line, column } = lineAndColumn(body, match.index);
    const fix = isTemplateVariable(name) ? `write {{${name}}} to insert the value` : `values are inserted only with double braces, e.g. {{province.name}}`;
    return [
      {
        severity: 'warning',
        code: 'SINGLE_BRACES',
        message: `"${match[0]}" at line ${line}, column ${column} is printed as it is; ${fix}`,
        index: match.index,
        line,
        column,
      } satisfies LintFinding,
    ];
  });
}

/** The body with its mustaches and comments blanked out (same length): the text the drafter wrote. */
function staticText(body: string): string {
  return body.replace(/\{\{!--[\s\S]*?--\}\}|\{\{[\s\S]*?\}\}/g, (mustache) => ' '.repeat(mustache.length));
}

/** Without provinces to check against, any number but 113/114/115 written into the text is suspect. */
function hardcodedNumbers(body: string): LintFinding[] {
  return findPhoneNumbers(staticText(body))
    .filter((phone) => !EMERGENCY_NUMBERS.includes(phone.national))
    .map((phone) => ({
      severity: 'warning',
      code: 'PHONE_HARDCODED',
      message: `Phone number ${phone.text} is written into the template; use {{province.hotline}} so each province prints its own`,
      index: phone.index,
      ...lineAndColumn(body, phone.index),
    }));
}

/** Each character of the written text that forces UCS-2 under auto, with its place in the body. */
function ucs2InBody(body: string): LintFinding[] {
  const text = staticText(body);
  const visible = findNonGsmCharacters(text).filter(({ character }) => !isInvisibleCharacter(character));
  return visible.map(({ character, index, codePoint }) => {
    const { line, column } = lineAndColumn(body, index);
    return {
      severity: 'warning',
      code: 'UCS2_CHARACTER',
      message: `"${character}" (${codePoint}) at line ${line}, column ${column} is not in the GSM alphabet; under auto the message goes as UCS-2 (70/67 characters per segment)`,
      index,
      line,
      column,
    };
  });
}
