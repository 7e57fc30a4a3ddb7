import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAMPAIGN_TRANSITIONS, INITIAL_STATES, TRANSITIONS } from '@loa/delivery';

const DOC = readFileSync(join(process.cwd(), 'docs', 'architecture.md'), 'utf8');

/** The moves of the state diagram under `heading` in docs/architecture.md, as "from -> to" ("[*]" for a start). */
function diagramMoves(heading: string): string[] {
  const section = DOC.split(/^## /m).find((part) => part.startsWith(heading));
  if (!section) throw new Error(`docs/architecture.md has no section "## ${heading}"`);
  const diagram = /```mermaid\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return [...diagram.matchAll(/^\s*(\S+) --> (\S+)\s*$/gm)].map(([, from, to]) => `${from} -> ${to}`).sort();
}

function tableMoves(table: Readonly<Record<string, readonly string[]>>, initial: readonly string[]): string[] {
  const moves = Object.entries(table).flatMap(([from, tos]) => tos.map((to) => `${from} -> ${to}`));
  return [...initial.map((state) => `[*] -> ${state}`), ...moves].sort();
}

describe('docs/architecture.md', () => {
  it('draws the message state machine as TRANSITIONS defines it', () => {
    expect(diagramMoves('Message states')).toEqual(tableMoves(TRANSITIONS, INITIAL_STATES));
  });

  it('draws the campaign state machine as CAMPAIGN_TRANSITIONS defines it', () => {
    expect(diagramMoves('Campaign states')).toEqual(tableMoves(CAMPAIGN_TRANSITIONS, ['draft']));
  });
});
