import { MemoryAuditLog } from '../../src/auth/memoryAuditLog';
import { DEFAULT_SLA_HOURS, DEFAULT_TICKET_LIFECYCLE_POLICY } from '../../src/config/ticketPolicy';
import type { TicketActor } from '../../src/tickets/lifecycle';
import { InProcessJobQueue } from '../../src/jobs/inProcessJobQueue';
import { silentLogger } from '../../src/log/logger';
import { MemoryTicketRepository } from '../../src/tickets/memoryTicketRepository';
import { TicketAutomation } from '../../src/tickets/ticketAutomation';
import { TicketService, type TicketRequest } from '../../src/tickets/ticketService';
import { TicketWorkflow } from '../../src/tickets/ticketWorkflow';
import { waitFor } from '../jobs/jobQueue.contract';
import { RecordingNotifier } from './recordingNotifier';

const KANKARBAGH_1 = { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' };
const KANKARBAGH_2 = { ...KANKARBAGH_1, section: 'Kankarbagh-2' };
const je: TicketActor = { kind: 'staff', username: 'je1', role: 'je' };
const lineman: TicketActor = { kind: 'staff', username: 'lineman1', role: 'lineman' };

function outage(caNumber: string, area = KANKARBAGH_1): TicketRequest {
  return {
    category: 'area_outage',
    description: 'Whole area dark.',
    urgent: false,
    caNumber,
    area,
    urban: true,
    contact: { channel: 'test', conversationId: `conversation-${caNumber}`, language: 'hi' },
  };
}

describe('area outages', () => {
  let now: Date;
  let repository: MemoryTicketRepository;
  let service: TicketService;
  let notifier: RecordingNotifier;
  let workflow: TicketWorkflow;
  let jobs: InProcessJobQueue;
  beforeEach(async () => {
    now = new Date('2026-11-28T14:00:00.000Z');
    repository = new MemoryTicketRepository();
    notifier = new RecordingNotifier();
    service = new TicketService(repository, DEFAULT_SLA_HOURS, () => now);
    // The linked reports are resolved by a durable job, as in production.
    jobs = new InProcessJobQueue(silentLogger());
    const automation = new TicketAutomation({
      jobs,
      repository,
      // Every report here has its area; nothing asks the backend.
      backend: { findConsumer: async () => null },
      webhook: null,
      logger: silentLogger(),
      now: () => now,
      retryBackoffMs: 20,
      reopenWindowHours: DEFAULT_TICKET_LIFECYCLE_POLICY.reopenWindowHours,
    });
    workflow = new TicketWorkflow({
      repository,
      audit: new MemoryAuditLog(),
      notifier,
      policy: DEFAULT_TICKET_LIFECYCLE_POLICY,
      slaHours: DEFAULT_SLA_HOURS,
      now: () => now,
      onChanged: (ticket, change) => automation.changed(ticket, change),
    });
    automation.attach(workflow);
    await jobs.start();
  });
  afterEach(() => jobs.close());

  it('links reports of other consumers of the section within the window to the first one', async () => {
    const first = (await service.open(outage('101000001'))).ticket;
    now = new Date(now.getTime() + 10 * 60_000);
    const second = (await service.open(outage('101000011'))).ticket;
    const elsewhere = (await service.open(outage('101000010', KANKARBAGH_2))).ticket;
    expect(first.incident).toBeUndefined();
    expect(second.incident).toBe(first.number);
    expect(elsewhere.incident).toBeUndefined();
  });

  it('starts a new incident once the window has passed', async () => {
    const first = (await service.open(outage('101000001'))).ticket;
    now = new Date(now.getTime() + (DEFAULT_TICKET_LIFECYCLE_POLICY.outageLinkWindowMinutes + 1) * 60_000);
    const later = (await service.open(outage('101000011'))).ticket;
    expect(later.incident).toBeUndefined();
    expect(later.number).not.toBe(first.number);
  });

  it('links within the window the lifecycle policy gives (OUTAGE_LINK_WINDOW_MINUTES)', async () => {
    const tight = new TicketService(repository, DEFAULT_SLA_HOURS, () => now, () => undefined, {
      ...DEFAULT_TICKET_LIFECYCLE_POLICY,
      outageLinkWindowMinutes: 5,
    });
    const first = (await tight.open(outage('101000001'))).ticket;
    now = new Date(now.getTime() + 4 * 60_000);
    expect((await tight.open(outage('101000011'))).ticket.incident).toBe(first.number);
    now = new Date(now.getTime() + 2 * 60_000);
    expect((await tight.open(outage('101000012'))).ticket.incident).toBeUndefined();
  });

  it('links only to an incident still open', async () => {
    const first = (await service.open(outage('101000001'))).ticket;
    await workflow.change(first.number, { type: 'accept' }, lineman);
    await workflow.change(first.number, { type: 'resolve', code: 'supply_restored', note: 'Fuse replaced.' }, lineman);
    now = new Date(now.getTime() + 10 * 60_000);
    expect((await service.open(outage('101000011'))).ticket.incident).toBeUndefined();
  });

  it('resolves every linked report with the incident and tells each consumer', async () => {
    const incident = (await service.open(outage('101000001'))).ticket;
    const linked = [(await service.open(outage('101000011'))).ticket, (await service.open(outage('101000012'))).ticket];
    await workflow.change(incident.number, { type: 'assign', assignee: { username: 'lineman1', role: 'lineman' } }, je);
    await workflow.change(incident.number, { type: 'accept' }, lineman);
    const resolved = await workflow.change(
      incident.number,
      { type: 'resolve', code: 'supply_restored', note: 'Transformer fuse replaced.' },
      lineman,
    );
    expect(resolved.ok).toBe(true);
    await waitFor(async () => (await repository.findByNumber(linked[1]!.number))?.status === 'resolved');
    for (const report of linked) {
      const stored = await repository.findByNumber(report.number);
      expect(stored?.status).toBe('resolved');
      expect(stored?.work?.resolution).toEqual({ code: 'supply_restored', note: 'Transformer fuse replaced.' });
    }
    const toldResolved = notifier.sent.filter((sent) => sent.notice.key.endsWith('.resolved')).map((sent) => sent.contact.conversationId);
    expect(toldResolved.sort()).toEqual(['conversation-101000001', 'conversation-101000011', 'conversation-101000012']);
  });

  it('resolves every linked report even when one fails at first, without failing the incident', async () => {
    const incident = (await service.open(outage('101000001'))).ticket;
    const linked = [(await service.open(outage('101000011'))).ticket, (await service.open(outage('101000012'))).ticket];
    // The store fails once on the first report, as a Redis connection may for a moment.
    const save = repository.save.bind(repository);
    let failed = false;
    jest.spyOn(repository, 'save').mockImplementation(async (ticket, revision) => {
      if (ticket.number === linked[0]!.number && !failed) {
        failed = true;
        throw new Error('connection reset');
      }
      return save(ticket, revision);
    });
    await workflow.change(incident.number, { type: 'accept' }, lineman);
    const resolved = await workflow.change(incident.number, { type: 'resolve', code: 'supply_restored', note: 'Fuse replaced.' }, lineman);
    expect(resolved.ok).toBe(true);
    await waitFor(async () => {
      const statuses = await Promise.all(linked.map(async (report) => (await repository.findByNumber(report.number))?.status));
      return statuses.every((status) => status === 'resolved');
    });
    expect(failed).toBe(true);
  });
});
