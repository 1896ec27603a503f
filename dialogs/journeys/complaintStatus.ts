import type { TurnContext } from 'botbuilder';
import { WaterfallDialog } from 'botbuilder-dialogs';
import { languageOf } from '../../src/bot/turnState';
import { parseConsumerNumber } from '../../src/domain/consumerNumber';
import { formatTicketNumber, parseTicketNumber, type TicketNumber } from '../../src/domain/ticketNumber';
import { formatDateTime } from '../../src/i18n/format';
import { isOverdue } from '../../src/tickets/lifecycle';
import { OPEN_STATUSES, type Ticket } from '../../src/tickets/ticket';
import { AskDialog, type Answer } from '../common/askDialog';
import type { Parsed } from '../common/parsers';
import { translate } from '../common/replies';
import type { DialogServices } from '../services';
import type { JourneyOptions } from './journeyOptions';

const ID = 'complaint_status';
const ASK_KEY = `${ID}.askKey`;

/** A complaint is found by its number, or by the CA number it was raised for. */
type ComplaintKey = { ticketNumber: string } | { caNumber: string };

function parseComplaintKey(text: string): Parsed<ComplaintKey> {
  const ticketNumber = parseTicketNumber(text);
  if (ticketNumber) return { ok: true, value: { ticketNumber } };
  const ca = parseConsumerNumber(text);
  if (ca.ok) return { ok: true, value: { caNumber: ca.value } };
  return { ok: false, problem: 'status.badKey' };
}

/** "Mera complaint ka kya hua": the ticket's status, its due time and the next step. */
export function complaintStatusDialogs(services: DialogServices) {
  const flow = new WaterfallDialog<JourneyOptions>(ID, [
    async (step) => {
      const { ticketNumber, caNumber } = step.options.entities;
      if (ticketNumber) return step.next({ answered: true, value: { ticketNumber } } satisfies Answer<ComplaintKey>);
      const known = caNumber ?? (await services.memory.sessionOf(step.context)).caNumber;
      if (known) return step.next({ answered: true, value: { caNumber: known } } satisfies Answer<ComplaintKey>);
      return step.beginDialog(ASK_KEY, { key: 'status.ask' });
    },
    async (step) => {
      const answer = step.result as Answer<ComplaintKey>;
      if (!answer.answered) return step.endDialog();
      const t = translate(services, step.context);
      if ('ticketNumber' in answer.value) {
        const ticket = await services.tickets.findByNumber(answer.value.ticketNumber);
        await step.context.sendActivity(
          ticket
            ? describe(step.context, ticket)
            : t('status.notFound', { number: formatTicketNumber(answer.value.ticketNumber as TicketNumber) }),
        );
        return step.endDialog();
      }
      const tickets = await services.tickets.findByConsumer(answer.value.caNumber);
      const open = tickets.filter((ticket) => OPEN_STATUSES.includes(ticket.status));
      const shown = open.length > 0 ? open : tickets.slice(0, 1);
      if (shown.length === 0) {
        await step.context.sendActivity(t('status.noneForConsumer', { caNumber: answer.value.caNumber }));
      } else {
        await step.context.sendActivity(shown.map((ticket) => describe(step.context, ticket)).join('\n\n'));
      }
      return step.endDialog();
    },
  ]);

  function describe(context: TurnContext, ticket: Ticket): string {
    const t = translate(services, context);
    const language = languageOf(context);
    const overdue = isOverdue(ticket, services.now());
    const assignee = ticket.work?.assignee;
    const lines = [
      t('status.ticket', {
        number: formatTicketNumber(ticket.number as TicketNumber),
        category: t(`ticket.category.${ticket.category}`),
        status: t(`ticket.status.${ticket.status}`),
        createdAt: formatDateTime(ticket.createdAt, language),
        dueAt: formatDateTime(ticket.dueAt, language),
      }),
      t(`status.next.${ticket.status}`),
    ];
    // The role only: a lineman's own number is never given out; the consumer calls the helpline.
    if (assignee && OPEN_STATUSES.includes(ticket.status)) lines.push(t('status.assignee', { role: t(`ticket.role.${assignee.role}`) }));
    if (overdue) lines.push(t('status.overdue', { helpline: services.policy.helplineNumber }));
    return lines.join('\n');
  }

  return [flow, new AskDialog(ASK_KEY, services, parseComplaintKey)];
}
