import { systemClock, type Clock } from '../domain/clock';
import type { Area } from '../backend/meterBackend';
import { DEFAULT_TICKET_LIFECYCLE_POLICY, type SlaTable, type TicketLifecyclePolicy } from '../config/ticketPolicy';
import { ticketNumberFromSerial } from '../domain/ticketNumber';
import type { RateLimiter } from '../limits/rateLimiter';
import { admitTicket, giveBackTicket, type TicketRefusal, type TicketRules } from '../limits/ticketLimits';
import { FINISHED_STATUSES, OPEN_STATUSES, type Ticket, type TicketCategory, type TicketPhoto, type TicketPriority, type TicketProblem, type TicketSite } from './ticket';
import type { TicketRepository } from './ticketRepository';
import type { ChangeOutcome, TicketWorkflow } from './ticketWorkflow';

/** What a dialog knows when it escalates. */
export interface TicketRequest {
  category: TicketCategory;
  description: string;
  /** The description as a locale key, so the field page can say it in its own language. */
  problem?: TicketProblem;
  urgent: boolean;
  /** Null for reports not about one connection. */
  caNumber: string | null;
  /** From the consumer's record; null when the backend could not be asked. */
  area: Area | null;
  /** Rural consumers get the rural SLA; unknown counts as urban (the stricter target). */
  urban: boolean | null;
  contact: Ticket['contact'];
  /**
   * The channel verified the request comes from the connection's registered mobile (WhatsApp from
   * that number): counted apart from anyone else who types the CA number (see admitTicket).
   */
  fromRegisteredMobile?: boolean;
  /** A site the consumer shared in the conversation (a WhatsApp location). */
  site?: TicketSite;
  /** Photos the consumer sent in the conversation. */
  photos?: TicketPhoto[];
  /** Names this request within the conversation: a retry with the same id returns the same ticket. */
  requestId?: string;
}

/** What became of a consumer's request for a ticket: opened or joined, or refused by a limit. */
export type ConsumerTicketOutcome = { ok: true; ticket: Ticket; joined: boolean } | ({ ok: false } & TicketRefusal);

/** Categories where the consumer is without supply or at risk: worked before the rest. */
const HIGH_PRIORITY: readonly TicketCategory[] = ['relay_not_reconnecting', 'area_outage', 'meter_not_communicating'];

/**
 * Opens field tickets with the discom's rules: priority, area, SLA due time, one open per problem;
 * and reopens one for the consumer whose problem came back.
 */
export class TicketService {
  private workflow: TicketWorkflow | null = null;

  constructor(
    private readonly repository: TicketRepository,
    private readonly slaHours: SlaTable,
    private readonly now: Clock = systemClock,
    /**
     * Told of every escalation (metrics, the SLA check and webhook of a new ticket, the daily
     * figures); awaited. The request says which conversation escalated: a joined ticket keeps the
     * contact of the complaint that opened it.
     */
    private readonly onEscalated: (ticket: Ticket, joined: boolean, request: TicketRequest) => Promise<void> | void = () => undefined,
    /** How long a consumer may reopen; how close in time outage reports of one section link to one incident. */
    private readonly lifecycle: TicketLifecyclePolicy = DEFAULT_TICKET_LIFECYCLE_POLICY,
    /** Counts the tickets consumers open in chat; without it `openForConsumer` refuses to run rather than open unlimited. */
    private readonly consumerLimits: { limiter: RateLimiter; rules: TicketRules } | null = null,
  ) {}

  /** The workflow a consumer's reopen goes through; set once both exist, since the workflow is built after the dialogs' services. */
  attach(workflow: TicketWorkflow): void {
    this.workflow = workflow;
  }

  /** Until when the consumer may reopen `ticket`; null when it is not resolved or not completed. */
  reopenableUntil(ticket: Ticket): Date | null {
    if (!FINISHED_STATUSES.includes(ticket.status)) return null;
    // As the lifecycle counts it: from when the work finished.
    const finishedAt = Date.parse(ticket.work?.finishedAt ?? ticket.createdAt);
    return new Date(finishedAt + this.lifecycle.reopenWindowHours * 3_600_000);
  }

  /** The consumer says the problem is back: the ticket reopens with a fresh due time, if the lifecycle allows it. */
  async reopen(number: string): Promise<ChangeOutcome> {
    if (!this.workflow) throw new Error('the ticket service has no workflow attached');
    return this.workflow.change(number, { type: 'reopen' }, { kind: 'consumer' });
  }

  /**
   * Opens a ticket a consumer asked for in chat, or joins their open one of the same category, within
   * the limits per conversation and per CA: the way every consumer's ticket is opened. Joining, or a
   * retry of a request already answered, adds no field work, so it gives its count back. Staff (an
   * agent raising a ticket) and the discom's own campaigns use `open`, which is not limited.
   */
  async openForConsumer(request: TicketRequest): Promise<ConsumerTicketOutcome> {
    if (!this.consumerLimits) throw new Error('the ticket service has no consumer limits');
    const { limiter, rules } = this.consumerLimits;
    const sender = request.fromRegisteredMobile === true ? 'registered_mobile' : 'anyone';
    const admission = await admitTicket(limiter, rules, request.contact.conversationId, request.caNumber, sender);
    if ('limited' in admission) return { ok: false, ...admission };
    let outcome: { ticket: Ticket; joined: boolean; created: boolean };
    try {
      outcome = await this.openOrJoin(request);
    } catch (error) {
      await giveBackTicket(limiter, admission);
      throw error;
    }
    if (!outcome.created) await giveBackTicket(limiter, admission);
    return { ok: true, ticket: outcome.ticket, joined: outcome.joined };
  }

  /** Opens a ticket, or joins the consumer's open one of the same category; for staff and campaigns, not limited. */
  async open(request: TicketRequest): Promise<{ ticket: Ticket; joined: boolean }> {
    const { ticket, joined } = await this.openOrJoin(request);
    return { ticket, joined };
  }

  /** `created` when this call stored a new ticket: not a join, nor a retry answered with an earlier outcome. */
  private async openOrJoin(request: TicketRequest): Promise<{ ticket: Ticket; joined: boolean; created: boolean }> {
    const createdAt = this.now();
    const sla = this.slaHours[request.category];
    const hours = request.urban === false ? sla.rural : sla.urban;
    const incident = request.category === 'area_outage' ? await this.incidentFor(request, createdAt) : null;
    const candidate: Ticket = {
      number: ticketNumberFromSerial(await this.repository.nextSerial()),
      category: request.category,
      priority: priorityOf(request),
      status: 'open',
      caNumber: request.caNumber,
      area: request.area,
      description: request.description,
      ...(request.problem ? { problem: request.problem } : {}),
      contact: request.contact,
      createdAt: createdAt.toISOString(),
      dueAt: new Date(createdAt.getTime() + hours * 3_600_000).toISOString(),
      slaHours: hours,
      laterReports: [],
      ...(request.site ? { site: request.site } : {}),
      ...(request.photos?.length ? { photos: request.photos } : {}),
      ...(incident ? { incident } : {}),
    };
    const outcome = await this.repository.openOrJoin(
      candidate,
      request.requestId === undefined ? undefined : `${request.contact.conversationId}:${request.requestId}`,
    );
    await this.onEscalated(outcome.ticket, outcome.joined, request);
    // A retry returns the first outcome, whose ticket does not carry this candidate's fresh number.
    return { ...outcome, created: !outcome.joined && outcome.ticket.number === candidate.number };
  }

  /**
   * Adds `report` (a site or photo shared after the ticket was opened) to an open ticket's later
   * reports; null when the ticket is unknown, not tied to a connection or no longer open. The
   * repository's atomic join is the one way to append a report, so it is asked with a candidate for
   * the same consumer and problem (which spends a serial); it is not counted as an escalation.
   */
  async addLaterReport(number: string, report: string): Promise<Ticket | null> {
    const ticket = await this.repository.findByNumber(number);
    if (!ticket || ticket.caNumber === null || !OPEN_STATUSES.includes(ticket.status)) return null;
    const outcome = await this.repository.openOrJoin({
      ...ticket,
      number: ticketNumberFromSerial(await this.repository.nextSerial()),
      priority: 'normal',
      description: report,
      laterReports: [],
    });
    return outcome.joined ? outcome.ticket : null;
  }

  /**
   * The open outage another consumer of the same section reported within the window: a second
   * report is the same incident, so one field visit resolves all of them. Two first reports at the
   * same moment on two instances can each become an incident; the field team sees both in the section.
   */
  private async incidentFor(request: TicketRequest, at: Date): Promise<string | null> {
    if (!request.area) return null;
    const since = at.getTime() - this.lifecycle.outageLinkWindowMinutes * 60_000;
    const incidents = (await this.repository.findOpenByArea(request.area))
      .filter(
        (ticket) =>
          ticket.category === 'area_outage' && !ticket.incident && ticket.caNumber !== request.caNumber && Date.parse(ticket.createdAt) >= since,
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return incidents[0]?.number ?? null;
  }

  findByNumber(number: string): Promise<Ticket | null> {
    return this.repository.findByNumber(number);
  }

  findByConsumer(caNumber: string): Promise<Ticket[]> {
    return this.repository.findByConsumer(caNumber);
  }
}

function priorityOf(request: TicketRequest): TicketPriority {
  if (request.urgent) return 'urgent';
  return HIGH_PRIORITY.includes(request.category) ? 'high' : 'normal';
}
