import { invalid } from '@loa/common';
import { type EncodingPolicy, foldToGsm, type PatternPart, patternText, SmsTextError } from '@loa/sms';
import { isTemplateVariable, type TemplateVariable } from '../engine/template-variables';
import { parseTemplateBody } from '../engine/template.compiler';
import { type RegisteredSlot, type RegistrationPattern } from './carrier-registration';

/**
 * Slot lengths when the admin gives none: above the longest value of the 34 provinces today (the longest
 * name is "Thành phố Hồ Chí Minh", 21 characters; three hotlines joined take about 50), so a real text fits
 * and a value that grows past them is caught at approval.
 */
export const DEFAULT_SLOT_LENGTHS: Readonly<Record<TemplateVariable, number>> = {
  'province.name': 30,
  'province.code': 2,
  'province.shortName': 20,
  'province.unit': 30,
  'province.hotline': 20,
  'province.hotlines': 60,
  'province.website': 60,
  'province.zalo': 60,
  'province.fanpage': 60,
  'province.vneid': 80,
  'campaign.name': 60,
  'campaign.startDate': 10,
  'campaign.endDate': 10,
};

/**
 * The pattern a carrier registers for a template body: its text between variables fixed (folded for
 * ascii-fold, as it will be sent), each printed variable a slot `P1`, `P2`… Blocks ({{#if}}) print text
 * that comes and goes, which no fixed pattern holds: such a body is refused, naming the block.
 */
export function registrationPattern(body: string, policy: EncodingPolicy, lengths: Partial<Record<TemplateVariable, number>> = {}): RegistrationPattern {
  assertSlotLengths(lengths);
  const { program } = parseTemplateBody(body);
  const parts: PatternPart[] = [];
  const slots: RegisteredSlot[] = [];
  for (const node of program.body) {
    if (node.type === 'CommentStatement') continue;
    if (node.type === 'ContentStatement') {
      addFixed(parts, sentForm((node as hbs.AST.ContentStatement).value, policy));
      continue;
    }
    const variable = printedVariable(node);
    const slot: RegisteredSlot = { name: `P${slots.length + 1}`, variable, maxLength: lengths[variable] ?? DEFAULT_SLOT_LENGTHS[variable] };
    slots.push(slot);
    parts.push({ slot: slot.name, maxLength: slot.maxLength });
  }
  return { parts, slots, text: patternText({ parts }) };
}

function addFixed(parts: PatternPart[], text: string): void {
  if (text.length === 0) return;
  const last = parts[parts.length - 1];
  if (last && 'fixed' in last) last.fixed += text;
  else parts.push({ fixed: text });
}

function sentForm(text: string, policy: EncodingPolicy): string {
  if (policy !== 'ascii-fold') return text.normalize('NFC');
  try {
    return foldToGsm(text);
  } catch (error) {
    if (error instanceof SmsTextError) throw invalid(`body: ${error.message}`);
    throw error;
  }
}

/** `{{province.name}}` or `{{upper province.name}}`: the variable; anything else has no place in a fixed pattern. */
function printedVariable(node: hbs.AST.Statement): TemplateVariable {
  const where = node.loc ? ` at line ${node.loc.start.line}, column ${node.loc.start.column + 1}` : '';
  if (node.type !== 'MustacheStatement') {
    throw invalid(
      `body: a block${where} prints text only for some provinces, which no registered pattern holds; write the text with plain {{variables}} to register it`,
    );
  }
  const mustache = node as hbs.AST.MustacheStatement;
  const path = mustache.params.length === 1 ? mustache.params[0] : mustache.params.length === 0 ? mustache.path : null;
  const name = path?.type === 'PathExpression' ? (path as hbs.AST.PathExpression).original : '';
  if (!isTemplateVariable(name)) throw invalid(`body: the expression${where} is not one variable, so it cannot be a slot of a registered pattern`);
  return name;
}

/** Lengths an admin gives arrive as a free object: each key a template variable, each value 1 to 500 characters. */
function assertSlotLengths(lengths: Record<string, unknown>): void {
  for (const [name, length] of Object.entries(lengths)) {
    if (!isTemplateVariable(name)) throw invalid(`slots: "${name}" is not a template variable`);
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 1 || length > 500) {
      throw invalid(`slots.${name}: must be a whole number of characters from 1 to 500`);
    }
  }
}
