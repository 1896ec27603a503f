import type { TurnContext } from 'botbuilder';
import type { TicketRefusal } from '../../src/limits/ticketLimits';
import type { DialogServices } from '../services';
import { translate } from './replies';

/**
 * Tells a consumer whose ticket a limit refused that the helpline can still register it (a real
 * consumer may share a chat or a connection with someone who used up the allowance), and tells the
 * operator which conversation or connection is opening so many.
 */
export async function tellTicketLimited(services: DialogServices, context: TurnContext, refusal: TicketRefusal, caNumber: string | null): Promise<null> {
  const conversation = context.activity.conversation.id;
  services.logger.warn(
    { conversation, ...(refusal.limited === 'connection' ? { ca: caNumber } : {}), retryAfterSeconds: refusal.retryAfterSeconds },
    `consumer tickets limited for a ${refusal.limited}`,
  );
  const hours = Math.ceil(refusal.retryAfterSeconds / 3600);
  const key = refusal.limited === 'conversation' ? 'limits.ticketsConversation' : 'limits.ticketsConnection';
  await context.sendActivity(translate(services, context)(key, { hours, helpline: services.policy.helplineNumber }));
  return null;
}
