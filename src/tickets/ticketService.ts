import type { Area } from '../backend/meterBackend';
import type { SlaTable } from '../config/ticketPolicy';
import { ticketNumberFromSerial } from '../domain/ticketNumber';
import type { Ticket, TicketCategory, TicketPriority } from './ticket';
import type { TicketRepository } from './ticketRepository';

/** What a dialog knows when it escalates. */
export interface TicketRequest {
  category: TicketCategory;
  description: string;
  urgent: boolean;
  /** Null for reports not about one connection. */
  caNumber: string | null;
  /** From the consumer's record; null when the backend could not be asked. */
  area: Area | null;
  /** Rural consumers get the rural SLA; unknown counts as urban (the stricter target). */
  urban: boolean | null;
  contact: Ticket['contact'];
}

/** Categories where the consumer is without supply or at risk: worked before the rest. */
const HIGH_PRIORITY: readonly TicketCategory[] = ['relay_not_reconnecting', 'area_outage', 'meter_not_communicating'];

/** Opens field tickets with the discom's rules: priority, area, SLA due time, one open per problem. */
export class TicketService {
  constructor(
    private readonly repository: TicketRepository,
    private readonly slaHours: SlaTable,
    private readonly now: () => Date = () => new Date(),
    /** Told of every escalation, for metrics. */
    private readonly onEscalated: (category: TicketCategory, joined: boolean) => void = () => undefined,
  ) {}

  /** Opens a ticket, or joins the consumer's open one of the same category. */
  async open(request: TicketRequest): Promise<{ ticket: Ticket; joined: boolean }> {
    const createdAt = this.now();
    const sla = this.slaHours[request.category];
    const hours = request.urban === false ? sla.rural : sla.urban;
    const candidate: Ticket = {
      number: ticketNumberFromSerial(await this.repository.nextSerial()),
      category: request.category,
      priority: priorityOf(request),
      status: 'open',
      caNumber: request.caNumber,
      area: request.area,
      description: request.description,
      contact: request.contact,
      createdAt: createdAt.toISOString(),
      dueAt: new Date(createdAt.getTime() + hours * 3_600_000).toISOString(),
      laterReports: [],
    };
    const outcome = await this.repository.openOrJoin(candidate);
    this.onEscalated(request.category, outcome.joined);
    return outcome;
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
