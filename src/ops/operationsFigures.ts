import { istDate } from '../domain/indianTime';
import type { HandoffQueue } from '../handoff/handoffQueue';
import type { Logger } from '../log/logger';
import type { Metrics } from '../metrics/metrics';
import type { TicketChange } from '../tickets/lifecycle';
import type { Ticket } from '../tickets/ticket';
import { datesBetween, summarize, type DailyFigures } from './dailyFigures';
import type { ConversationOnChannel, EscalationKind, FiguresStore, FirstToday, TicketEvent } from './figuresStore';

export interface OperationsFiguresDeps {
  store: FiguresStore;
  metrics: Metrics;
  logger: Logger;
  now: () => Date;
}

/** A message the bot understood, as the bot tells it. */
export interface UnderstoodMessage extends ConversationOnChannel {
  intent: string | null;
}

/**
 * The daily operations figures: told of messages (by the bot), handoffs (by the queue the dialogs
 * use) and tickets (by the ticket service and workflow) as they happen, and read by the ops API.
 * Recording never fails the consumer's turn or the field team's change: a store that is away costs
 * figures, logged, not service.
 */
export class OperationsFigures {
  constructor(private readonly deps: OperationsFiguresDeps) {}

  async messageUnderstood(message: UnderstoodMessage): Promise<void> {
    // "none" is mostly an answer to the bot's own question (a CA number, a yes): not a topic asked about.
    const asked = message.intent === 'none' ? null : message.intent;
    await this.safely('message', async () => {
      const first = await this.deps.store.recordMessage(message, asked, this.deps.now());
      this.count(message, first);
    });
  }

  /** The same queue, telling the figures of every conversation it queues for the first time. */
  watchHandoffs(queue: HandoffQueue): HandoffQueue {
    return {
      enqueue: async (request) => {
        const placement = await queue.enqueue(request);
        if (!placement.alreadyQueued) await this.escalated(request, 'agent');
        return placement;
      },
      positionOf: (conversationId) => queue.positionOf(conversationId),
      cancel: (conversationId) => queue.cancel(conversationId),
    };
  }

  /**
   * A complaint became a ticket, or joined the consumer's open one: either way the bot handed it on.
   * `from` is the conversation the complaint came from; a joined ticket's own contact is the first one's.
   */
  async ticketEscalated(ticket: Ticket, joined: boolean, from: ConversationOnChannel): Promise<void> {
    await this.escalated(from, 'ticket');
    if (!joined) await this.ticket({ outcome: 'opened', ...placeOf(ticket) }, new Date(ticket.createdAt));
  }

  async ticketChanged(ticket: Ticket, change: TicketChange): Promise<void> {
    if (change.to !== 'resolved' || change.from === 'resolved') return;
    // A ticket breached once stays late even when time on hold later moved its due time.
    const withinSla = !ticket.work?.breached && Date.parse(change.at) <= Date.parse(ticket.dueAt);
    const place = placeOf(ticket);
    await this.ticket({ outcome: withinSla ? 'resolved_within_sla' : 'resolved_late', ...place }, new Date(change.at));
    this.deps.metrics.ticketsResolved.inc({ division: place.division ?? 'unknown', category: place.category, sla: withinSla ? 'within' : 'late' });
  }

  /** The figures of the IST days from `from` to `to`, both included. */
  async daily(from: string, to: string): Promise<DailyFigures> {
    return summarize(await this.deps.store.days(datesBetween(from, to)));
  }

  /** Today's figures by name, for the Prometheus gauge. */
  async today(): Promise<Record<string, number>> {
    const date = istDate(this.deps.now());
    const [day] = (await this.daily(date, date)).days;
    if (!day) return {};
    return {
      conversations: day.conversations,
      contained_by_bot: day.containedByBot,
      contained_share: day.containedShare ?? 0,
      handed_to_agents: day.handedToAgents,
      tickets_opened: day.ticketsOpened,
      tickets_resolved_within_sla: day.ticketsResolvedWithinSla,
    };
  }

  private async escalated(conversation: ConversationOnChannel, kind: EscalationKind): Promise<void> {
    const at = this.deps.now();
    await this.safely('escalation', async () => {
      this.count(conversation, await this.deps.store.recordEscalation(conversation, kind, at));
    });
  }

  private async ticket(event: TicketEvent, at: Date): Promise<void> {
    await this.safely('ticket', () => this.deps.store.recordTicket(event, at));
  }

  /** Prometheus counts each first of the day once, on the instance that recorded it. */
  private count(conversation: ConversationOnChannel, first: FirstToday): void {
    const labels = { channel: conversation.channel };
    if (first.conversation) this.deps.metrics.conversations.inc(labels);
    if (first.escalation) this.deps.metrics.conversationsEscalated.inc(labels);
    if (first.handoff) this.deps.metrics.conversationsHandedToAgents.inc(labels);
  }

  private async safely(what: string, record: () => Promise<void>): Promise<void> {
    try {
      await record();
    } catch (error) {
      this.deps.logger.warn({ err: error, event: what }, 'operations figures: event not recorded');
    }
  }
}

function placeOf(ticket: Ticket): Pick<TicketEvent, 'division' | 'category'> {
  return { division: ticket.area?.division ?? null, category: ticket.category };
}
