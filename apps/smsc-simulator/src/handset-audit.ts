import { reassemble, type ReassembledMessage, type ReceivedSubmit } from './received-submits';
import { isTaken } from './smsc-behaviours';

/**
 * What the handsets got, from the submits the carrier took (answered OK, answer lost, or reset after
 * the answer). Each destination is expected to be sent one message, as in a test's campaign.
 */
export interface HandsetAudit {
  /** Destinations holding at least one complete message. */
  subscribersReached: number;
  /** Destinations given some part more than once: what Loa's report column `duplicated` must equal. */
  duplicatedSubscribers: number;
  /** Those destinations, sorted. */
  duplicatedDestinations: string[];
  /** Destinations holding an incomplete message (a concatenation reference never completed), sorted. */
  orphanParts: string[];
  /** submit_sm PDUs taken: what the carrier bills. */
  partsAccepted: number;
}

export function auditHandsets(received: readonly ReceivedSubmit[]): HandsetAudit {
  let subscribersReached = 0;
  const duplicatedDestinations: string[] = [];
  const orphanParts: string[] = [];
  for (const [destination, messages] of byDestination(reassemble(received))) {
    if (messages.some((message) => message.complete)) subscribersReached++;
    if (messages.some((message) => !message.complete)) orphanParts.push(destination);
    if (repeatsAPart(messages)) duplicatedDestinations.push(destination);
  }
  return {
    subscribersReached,
    duplicatedSubscribers: duplicatedDestinations.length,
    duplicatedDestinations: duplicatedDestinations.sort(),
    orphanParts: orphanParts.sort(),
    partsAccepted: received.filter((submit) => isTaken(submit.status)).length,
  };
}

function byDestination(messages: ReassembledMessage[]): Map<string, ReassembledMessage[]> {
  const grouped = new Map<string, ReassembledMessage[]>();
  for (const message of messages) {
    const list = grouped.get(message.destination);
    if (list) list.push(message);
    else grouped.set(message.destination, [message]);
  }
  return grouped;
}

/** The same part number taken twice, under one reference or across several (two single PDUs are two part 1s). */
function repeatsAPart(messages: ReassembledMessage[]): boolean {
  const sequences = messages.flatMap((message) => message.sequences);
  return new Set(sequences).size < sequences.length;
}
