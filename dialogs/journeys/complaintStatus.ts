import type { TurnContext } from 'botbuilder';
import { WaterfallDialog } from 'botbuilder-dialogs';
import { languageOf } from '../../src/bot/turnState';
import { parseConsumerNumber } from '../../src/domain/consumerNumber';
import { formatTicketNumber, parseTicketNumber, type TicketNumber } from '../../src/domain/ticketNumber';
import { formatDateTime } from '../../src/i18n/format';
import { extractEntities } from '../../src/nlu/entities';
import { isOverdue } from '../../src/tickets/lifecycle';
import { OPEN_STATUSES, type Ticket } from '../../src/tickets/ticket';
import { DialogIds } from '../dialogIds';
import { AskDialog, type Answer } from '../common/askDialog';
import type { Parsed } from '../common/parsers';
import { translate } from '../common/replies';
import type { DialogServices } from '../services';
import { yesNoQuestion, type JourneyOptions } from './journeyOptions';
import { conversationMayReopen } from '../../src/tickets/reopenRight';

const ID = 'complaint_status';
const ASK_KEY = `${ID}.askKey`;

/** A complaint is found by its number, or by the CA number it was raised for. */
type ComplaintKey = { ticketNumber: string } | { caNumber: string };

/** A complaint number or a CA number, bare or in a sentence ("उपभोक्ता संख्या 101000007 से देख लीजिए"). */
function parseComplaintKey(text: string): Parsed<ComplaintKey> {
  const ticketNumber = parseTicketNumber(text);
  if (ticketNumber) return { ok: true, value: { ticketNumber } };
  const ca = parseConsumerNumber(text);
  if (ca.ok) return { ok: true, value: { caNumber: ca.value } };
  const { ticketNumber: named, caNumber } = extractEntities(text);
  if (named) return { ok: true, value: { ticketNumber: named } };
  if (caNumber) return { ok: true, value: { caNumber } };
  return { ok: false, problem: 'status.badKey' };
}

/** What the flow remembers between a question and its answer. */
interface Values {
  reopen?: string;
  /** No complaint in the system for this CA number: a new one is offered instead. */
  raiseFor?: string;
  /** The consumer spoke of the meter ("meter ka complaint kiya tha"): a new complaint starts as a meter fault. */
  aboutMeter?: boolean;
}

/** The problem a complaint that is not in the system was about, as far as the message says. */
const METER = /meter|मीटर/i;

/**
 * "Mera complaint ka kya hua": the ticket's status, its due time and the next step. A consumer's own
 * ticket that was finished within the reopen window can be reopened on the spot. A CA number with no
 * complaint in the system (made on 1912, or never registered) is offered one now: the meter fault
 * journey when the consumer spoke of the meter, else the supply check, which tickets what it cannot fix.
 */
export function complaintStatusDialogs(services: DialogServices) {
  const flow = new WaterfallDialog<JourneyOptions>(ID, [
    async (step) => {
      (step.values as Values).aboutMeter = METER.test(step.context.activity.text ?? '');
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
      let shown: Ticket[];
      if ('ticketNumber' in answer.value) {
        const ticket = await services.tickets.findByNumber(answer.value.ticketNumber);
        if (!ticket) {
          await step.context.sendActivity(t('status.notFound', { number: formatTicketNumber(answer.value.ticketNumber as TicketNumber) }));
          return step.endDialog();
        }
        shown = [ticket];
      } else {
        const tickets = await services.tickets.findByConsumer(answer.value.caNumber);
        if (tickets.length === 0) {
          // Made on 1912 or never registered: what helps is a complaint the field team will see.
          await step.context.sendActivity(t('status.noneForConsumer', { caNumber: answer.value.caNumber }));
          (step.values as Values).raiseFor = answer.value.caNumber;
          return step.beginDialog(DialogIds.askConsent, yesNoQuestion('status.offerNew'));
        }
        const open = tickets.filter((ticket) => OPEN_STATUSES.includes(ticket.status));
        shown = open.length > 0 ? open : tickets.slice(0, 1);
      }
      await step.context.sendActivity(shown.map((ticket) => describe(step.context, ticket)).join('\n\n'));
      // Anyone may read a status; only a conversation that opened or joined the ticket may reopen it.
      const conversationId = step.context.activity.conversation.id;
      const reopenable = shown.find((ticket) => reopenWindowOpen(ticket) && conversationMayReopen(ticket, conversationId));
      if (!reopenable) return step.endDialog();
      (step.values as Values).reopen = reopenable.number;
      const until = formatDateTime(services.tickets.reopenableUntil(reopenable)!.toISOString(), languageOf(step.context));
      return step.beginDialog(DialogIds.askConsent, yesNoQuestion('reopen.offer', { number: shownNumber(reopenable), until }));
    },
    async (step) => {
      const answer = step.result as Answer<boolean>;
      const { raiseFor, aboutMeter } = step.values as Values;
      if (raiseFor) {
        if (!answer.answered) return step.endDialog();
        if (!answer.value) {
          await step.context.sendActivity(translate(services, step.context)('common.okay'));
          return step.endDialog();
        }
        return step.replaceDialog(aboutMeter ? 'meter_fault' : 'supply_not_restored', { entities: { caNumber: raiseFor } } satisfies JourneyOptions);
      }
      const number = (step.values as Values).reopen!;
      const t = translate(services, step.context);
      const shown = formatTicketNumber(number as TicketNumber);
      if (!answer.answered) return step.endDialog();
      if (!answer.value) {
        await step.context.sendActivity(t('reopen.kept', { number: shown }));
        return step.endDialog();
      }
      const outcome = await services.tickets.reopen(number);
      if (outcome.ok) {
        const dueAt = formatDateTime(outcome.ticket.dueAt, languageOf(step.context));
        await step.context.sendActivity(t('reopen.done', { number: shown, dueAt }));
      } else if (outcome.problem === 'taken') {
        await step.context.sendActivity(t('reopen.anotherOpen', { number: shown }));
      } else if (outcome.problem === 'reopen_window_passed') {
        await step.context.sendActivity(t('reopen.windowPassed', { hours: services.policy.ticketLifecycle.reopenWindowHours }));
      } else {
        await step.context.sendActivity(t('reopen.failed', { number: shown }));
      }
      return step.endDialog();
    },
  ]);

  /** The consumer this conversation is about, or the conversation the ticket was opened in. */
  function reopenWindowOpen(ticket: Ticket): boolean {
    const until = services.tickets.reopenableUntil(ticket);
    return until !== null && services.now().getTime() <= until.getTime();
  }

  function shownNumber(ticket: Ticket): string {
    return formatTicketNumber(ticket.number as TicketNumber);
  }

  /**
   * What happens next. "Tell me and I will reopen it" would be untrue once the window has passed, and
   * to a conversation that did not open or join the ticket, which is not offered the reopen.
   */
  function nextStep(context: TurnContext, ticket: Ticket): string {
    const t = translate(services, context);
    if (services.tickets.reopenableUntil(ticket) && !reopenWindowOpen(ticket)) {
      return t('reopen.windowPassed', { hours: services.policy.ticketLifecycle.reopenWindowHours });
    }
    if (ticket.status === 'resolved' && !conversationMayReopen(ticket, context.activity.conversation.id)) return t('status.resolvedNew');
    return t(`status.next.${ticket.status}`);
  }

  function describe(context: TurnContext, ticket: Ticket): string {
    const t = translate(services, context);
    const language = languageOf(context);
    const overdue = isOverdue(ticket, services.now());
    const assignee = ticket.work?.assignee;
    const lines = [
      t('status.ticket', {
        number: shownNumber(ticket),
        category: t(`ticket.category.${ticket.category}`),
        status: t(`ticket.status.${ticket.status}`),
        createdAt: formatDateTime(ticket.createdAt, language),
        dueAt: formatDateTime(ticket.dueAt, language),
      }),
      nextStep(context, ticket),
    ];
    // The role only: a lineman's own number is never given out; the consumer calls the helpline.
    if (assignee && OPEN_STATUSES.includes(ticket.status)) lines.push(t('status.assignee', { role: t(`ticket.role.${assignee.role}`) }));
    if (overdue) lines.push(t('status.overdue', { helpline: services.policy.helplineNumber }));
    return lines.join('\n');
  }

  return [flow, new AskDialog(ASK_KEY, services, parseComplaintKey)];
}
