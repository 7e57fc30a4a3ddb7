import { sqlIn } from './message-states';

/**
 * The campaign state machine, the one definition of its states and moves (the database CHECK on
 * campaigns.state lists the same states; a test keeps them equal). Every statement that moves a campaign
 * names its "from" states, checked against this table (`campaignStatesMovingTo`), and reads of campaign
 * state take the names from here.
 */
export const CAMPAIGN_TRANSITIONS = {
  // submitted for approval (four eyes)
  draft: ['pending_approval', 'cancelled'],
  // approved (scheduled), or rejected with a reason back to its drafter to correct and submit again
  pending_approval: ['scheduled', 'draft', 'cancelled'],
  // materialised at its start (running), or held back before it by an operator
  scheduled: ['running', 'paused', 'cancelled'],
  // every message final (completed)
  running: ['paused', 'completed', 'cancelled'],
  // resumed: running again, or scheduled when it was paused before it started
  paused: ['running', 'scheduled', 'cancelled'],
  completed: [],
  cancelled: [],
} as const satisfies Record<string, readonly string[]>;

export type CampaignState = keyof typeof CAMPAIGN_TRANSITIONS;
export const CAMPAIGN_STATES = Object.keys(CAMPAIGN_TRANSITIONS) as CampaignState[];

/** States in which a campaign has messages that may still move: what metrics and sweeps look at. */
export const CAMPAIGN_SENDING_STATES = ['running', 'paused'] as const satisfies readonly CampaignState[];

/** States nothing follows. */
export const CAMPAIGN_FINAL_STATES = CAMPAIGN_STATES.filter((state) => CAMPAIGN_TRANSITIONS[state].length === 0);

export function canMoveCampaign(from: CampaignState, to: CampaignState): boolean {
  return (CAMPAIGN_TRANSITIONS[from] as readonly CampaignState[]).includes(to);
}

/** Throws unless every state of `from` may move to `to`: a statement the table does not allow fails where it is made. */
export function assertCampaignMoves(from: readonly CampaignState[], to: CampaignState): void {
  const refused = from.filter((state) => !canMoveCampaign(state, to));
  if (refused.length > 0 || from.length === 0) throw new Error(`${refused.join(', ') || '(none)'} -> ${to} is not a transition of the campaign state machine`);
}

/** `from` as an SQL condition on `column`, for a statement that moves those campaigns to `to` (checked against the table). */
export function campaignStatesMovingTo(to: CampaignState, from: readonly CampaignState[], column = 'state'): string {
  assertCampaignMoves(from, to);
  return sqlIn(column, from);
}

/** A condition on `column` for reading campaigns in `states` (names checked against the table). */
export function campaignStateIs(column: string, states: readonly CampaignState[]): string {
  const unknown = states.filter((state) => !(state in CAMPAIGN_TRANSITIONS));
  if (unknown.length > 0) throw new Error(`not a campaign state: ${unknown.join(', ')}`);
  return sqlIn(column, states);
}
