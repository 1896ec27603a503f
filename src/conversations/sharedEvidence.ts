import type { TurnContext } from 'botbuilder';
import type { TicketPhoto, TicketSite } from '../tickets/ticket';

/** What the consumer shared in the conversation that a field ticket should carry. */
export interface SharedEvidence {
  site: TicketSite | null;
  photos: TicketPhoto[];
}

const EVIDENCE = Symbol('sampark.sharedEvidence');
const TICKET = Symbol('sampark.ticketOfTurn');

/** Hands the dialogs of this turn what the consumer shared (set by channels that receive locations or photos). */
export function setSharedEvidence(context: TurnContext, evidence: SharedEvidence): void {
  context.turnState.set(EVIDENCE, evidence);
}

/** What the consumer shared in this conversation; nothing on channels that do not carry it. */
export function sharedEvidenceOf(context: TurnContext): SharedEvidence {
  return (context.turnState.get(EVIDENCE) as SharedEvidence | undefined) ?? { site: null, photos: [] };
}

/** Notes the ticket this turn opened or joined, so a site or photo shared later can be added to it. */
export function noteTicketOfTurn(context: TurnContext, ticketNumber: string): void {
  context.turnState.set(TICKET, ticketNumber);
}

/** The ticket this turn opened or joined, if any. */
export function ticketOfTurn(context: TurnContext): string | null {
  return (context.turnState.get(TICKET) as string | undefined) ?? null;
}

/** A map link the field team can open on a phone. */
function mapLink(site: TicketSite): string {
  return `https://maps.google.com/?q=${site.latitude.toFixed(6)},${site.longitude.toFixed(6)}`;
}

/** The evidence in words for the field team (English, like ticket descriptions); empty when there is none. */
export function describeEvidence(evidence: SharedEvidence): string {
  const parts: string[] = [];
  if (evidence.site) {
    const label = [evidence.site.name, evidence.site.address].filter(Boolean).join(', ');
    parts.push(`Site shared by the consumer: ${mapLink(evidence.site)}${label ? ` (${label})` : ''}.`);
  }
  if (evidence.photos.length > 0) {
    parts.push(`Photos sent by the consumer: ${evidence.photos.map((photo) => photo.reference).join(', ')}.`);
  }
  return parts.join(' ');
}
