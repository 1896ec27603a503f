import type { Server } from 'restify';
import type { AuditLog } from '../../auth/auditLog';
import type { StaffIdentity } from '../../auth/staff';
import type { StaffAuthentication } from '../../auth/staffAuthentication';
import { staffOnly } from '../../auth/staffRoutes';
import type { Consumer, MeterBackend } from '../../backend/meterBackend';
import { formatTicketNumber, type TicketNumber } from '../../domain/ticketNumber';
import { maskMobile, maskName } from '../../domain/mask';
import { toCsv, type CsvCell } from '../../ops/http/csv';
import { campaignOfVisitContact } from '../../outreach/campaignVisits';
import { mapUrl } from '../consumerReveal';
import { SUPERVISING_ROLES } from '../lifecycle';
import { OPEN_STATUSES, type Ticket } from '../ticket';
import type { TicketRepository } from '../ticketRepository';

/** What the visit-list API works with. */
export interface VisitListApiDeps {
  authentication: StaffAuthentication;
  repository: TicketRepository;
  backend: MeterBackend;
  audit: AuditLog;
  now: () => Date;
}

/** Consumers looked up at once for a list: enough to be quick, few enough not to flood the backend. */
const LOOKUPS_AT_ONCE = 8;
const CAMPAIGN_ID = /^[A-Za-z0-9_-]{1,64}$/;

const HEADER = ['ticket', 'status', 'section', 'ca_number', 'address', 'latitude', 'longitude', 'map', 'name', 'mobile', 'due_at', 'assignee'];

/**
 * The visit lists of outreach campaigns for the JE, SDO and field supervisor of an area: which
 * campaigns have visits there, and each list as CSV to plan the rounds. The list carries doors, not
 * people: the address and map point in full (a visit list without doors cannot be planned), the name
 * and mobile masked; the one who goes sees those after accepting the visit, audited per ticket.
 * Every download is audited.
 */
export function mountVisitListApi(server: Server, deps: VisitListApiDeps): void {
  const supervisors = (handler: Parameters<typeof staffOnly>[2]) => staffOnly(deps.authentication, SUPERVISING_ROLES, handler);

  server.get('/api/field/visit-lists', supervisors(async (_req, res, identity) => {
    const byCampaign = new Map<string, Ticket[]>();
    for (const ticket of await visitsOf(identity)) {
      const campaign = campaignOfVisitContact(ticket.contact)!;
      byCampaign.set(campaign, [...(byCampaign.get(campaign) ?? []), ticket]);
    }
    const lists = [...byCampaign].map(([campaign, tickets]) => ({
      campaign,
      name: tickets.find((ticket) => ticket.problem?.params['campaign'])?.problem?.params['campaign'] ?? campaign,
      total: tickets.length,
      open: tickets.filter((ticket) => OPEN_STATUSES.includes(ticket.status)).length,
    }));
    res.send(200, { lists });
  }));

  server.get('/api/field/visit-lists/:campaign/visits.csv', supervisors(async (req, res, identity) => {
    const campaign = String(req.params.campaign);
    if (!CAMPAIGN_ID.test(campaign)) return void res.send(400, { error: 'bad_request' });
    const visits = (await visitsOf(identity)).filter((ticket) => campaignOfVisitContact(ticket.contact) === campaign);
    if (visits.length === 0) return void res.send(404, { error: 'not_found' });
    visits.sort((a, b) => (a.area?.section ?? '').localeCompare(b.area?.section ?? '') || (a.caNumber ?? '').localeCompare(b.caNumber ?? ''));
    const consumers = await lookUp(visits);
    await deps.audit.record({
      at: deps.now().toISOString(),
      actor: identity.username,
      role: identity.role,
      action: 'campaign.visit_list_exported',
      subject: campaign,
      detail: { count: visits.length },
    });
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="sampark-visits-${campaign}.csv"`,
      'Cache-Control': 'no-store',
    });
    res.end(toCsv(HEADER, visits.map((ticket, index) => row(ticket, consumers[index] ?? null))));
  }));

  /** The campaign visit tickets of the caller's area, open and finished; none for an account without an area. */
  async function visitsOf(identity: StaffIdentity): Promise<Ticket[]> {
    if (!identity.area) return [];
    const tickets = await deps.repository.findByArea(identity.area);
    return tickets.filter((ticket) => ticket.category === 'sampark_visit' && campaignOfVisitContact(ticket.contact) !== null);
  }

  /** Each visit's consumer, a few at a time; null where the backend did not answer. */
  async function lookUp(visits: readonly Ticket[]): Promise<(Consumer | null)[]> {
    const found: (Consumer | null)[] = [];
    for (let start = 0; start < visits.length; start += LOOKUPS_AT_ONCE) {
      const batch = visits.slice(start, start + LOOKUPS_AT_ONCE);
      found.push(...(await Promise.all(batch.map((ticket) => (ticket.caNumber ? deps.backend.findConsumer(ticket.caNumber).catch(() => null) : null)))));
    }
    return found;
  }
}

function row(ticket: Ticket, consumer: Consumer | null): CsvCell[] {
  const location = consumer?.location ?? null;
  return [
    formatTicketNumber(ticket.number as TicketNumber),
    ticket.status,
    ticket.area?.section ?? null,
    ticket.caNumber,
    consumer?.address ?? null,
    location?.latitude ?? null,
    location?.longitude ?? null,
    location ? mapUrl(location) : null,
    consumer ? maskName(consumer.name) : null,
    consumer?.mobile ? maskMobile(consumer.mobile) : null,
    ticket.dueAt,
    ticket.work?.assignee?.username ?? null,
  ];
}
