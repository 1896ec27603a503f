import type { TurnContext } from 'botbuilder';
import type { Consumer } from '../../src/backend/meterBackend';
import { languageOf } from '../../src/bot/turnState';
import { describeEvidence, noteTicketOfTurn, sharedEvidenceOf } from '../../src/conversations/sharedEvidence';
import { sentFromRegisteredMobile } from '../../src/conversations/verifiedSender';
import type { Ticket, TicketCategory } from '../../src/tickets/ticket';
import { ticketOpenedNotice } from '../../src/tickets/ticketNotices';
import type { DialogServices } from '../services';
import { rememberAnswer } from './followUps';
import { rememberHowToReach } from './reachBack';
import { translate } from './replies';
import { tellTicketLimited } from './ticketLimited';

/** What a journey escalates. */
export interface Escalation {
  category: TicketCategory;
  /** For the field team, in English: what the bot saw and what the consumer said. */
  description: string;
  consumer: Consumer | null;
  /** A CA number known without a consumer record (the backend was down). */
  caNumber?: string | null;
  /** A danger to people or property (a burning meter): urgent whatever else was said. */
  safety?: boolean;
  /** Where the field team works when there is no consumer record (a theft report names another connection's area). */
  area?: Consumer['area'] | null;
  urban?: boolean | null;
}

/**
 * Opens a field ticket (or joins the consumer's open one for the same problem) and tells the
 * consumer its number and when to expect action. A site or photos the consumer shared in the
 * conversation (WhatsApp) go with it: on a new ticket as its site and photos, and in the words of the
 * report either way, since a joined ticket keeps only the report. Null when a limit refused the
 * ticket: the consumer is told to call the helpline instead.
 */
export async function escalate(services: DialogServices, context: TurnContext, escalation: Escalation): Promise<Ticket | null> {
  const session = await services.memory.sessionOf(context);
  const language = languageOf(context);
  // A health need said anywhere in the conversation stays with it (DOMAIN.md): every ticket it opens is urgent.
  const healthNeed = session.urgent === true;
  const evidence = sharedEvidenceOf(context);
  const caNumber = escalation.consumer?.caNumber ?? escalation.caNumber ?? null;
  const outcome = await services.tickets.openForConsumer({
    category: escalation.category,
    description: [escalation.description, describeEvidence(evidence)].filter(Boolean).join(' '),
    urgent: healthNeed || escalation.safety === true,
    caNumber,
    area: escalation.consumer?.area ?? escalation.area ?? null,
    urban: escalation.consumer?.urban ?? escalation.urban ?? null,
    contact: { channel: context.activity.channelId, conversationId: context.activity.conversation.id, language },
    fromRegisteredMobile: sentFromRegisteredMobile(context, escalation.consumer?.mobile ?? null),
    // A channel that re-delivers this message (WhatsApp) retries the same request: same ticket.
    ...(context.activity.id ? { requestId: context.activity.id } : {}),
    ...(evidence.site ? { site: evidence.site } : {}),
    ...(evidence.photos.length > 0 ? { photos: evidence.photos } : {}),
  });
  if (!outcome.ok) return tellTicketLimited(services, context, outcome, caNumber);
  const { ticket, joined } = outcome;
  noteTicketOfTurn(context, ticket.number);
  await rememberHowToReach(services, context);
  services.logger.info(
    { ticket: ticket.number, category: ticket.category, priority: ticket.priority, joined },
    'ticket escalated',
  );
  await rememberAnswer(services, context, { topic: 'ticket_opened', number: ticket.number, dueAt: ticket.dueAt });
  const t = translate(services, context);
  const told = ticketOpenedNotice(ticket, joined, t, language);
  await context.sendActivity(t(told.key, told.params));
  if (escalation.safety) await context.sendActivity(t('ticket.safetyNote'));
  else if (healthNeed) await context.sendActivity(t('ticket.urgentNote'));
  return ticket;
}
