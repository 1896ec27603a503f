import type { TurnContext } from 'botbuilder';

/**
 * Kept in the turn's state under a Symbol only this module holds, like the verified sender (see
 * verifiedSender.ts): JSON cannot carry a Symbol key, so no posted activity or channelData can set or
 * forge it, whichever channel it came through (Azure's Direct Line passes the client's channelData
 * to /api/messages untouched). Only the web chat's Direct Line route sets it, from the request.
 */
const REQUEST_SOURCE = Symbol('sampark.requestSource');

/** Records the client address this turn's request came from (see requestSource). Only channel routes that read it from the connection may call this. */
export function setRequestSource(context: TurnContext, source: string): void {
  context.turnState.set(REQUEST_SOURCE, source);
}

/** The client address this turn came from, or null where the channel knows none (WhatsApp, Bot Framework channels). */
export function requestSourceOf(context: TurnContext): string | null {
  const source: unknown = context.turnState.get(REQUEST_SOURCE);
  return typeof source === 'string' ? source : null;
}
