import { createHmac } from 'node:crypto';
import { BreachAlerts } from '../../src/alerts/breachAlerts';
import { MemoryStaffAlerts } from '../../src/alerts/memoryStaffAlerts';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryAuditLog } from '../../src/auth/memoryAuditLog';
import { BackendUnavailableError, type Consumer } from '../../src/backend/meterBackend';
import { DEFAULT_SLA_HOURS, DEFAULT_TICKET_LIFECYCLE_POLICY } from '../../src/config/ticketPolicy';
import { InProcessJobQueue } from '../../src/jobs/inProcessJobQueue';
import { silentLogger } from '../../src/log/logger';
import { MemoryTicketRepository } from '../../src/tickets/memoryTicketRepository';
import type { TicketActor } from '../../src/tickets/lifecycle';
import { TicketAutomation, type TicketWebhook } from '../../src/tickets/ticketAutomation';
import { TicketService, type TicketRequest } from '../../src/tickets/ticketService';
import { TicketWorkflow } from '../../src/tickets/ticketWorkflow';
import type { Ticket } from '../../src/tickets/ticket';
import { waitFor as waitForWithin } from '../jobs/jobQueue.contract';

/** Jobs run on timers; a loaded 2-core machine can take seconds to get to them. */
const waitFor = (condition: () => boolean | Promise<boolean>) => waitForWithin(condition, 15_000);
import { RecordingNotifier } from './recordingNotifier';

/** About a fifth of a second: the SLA of the test's meter tickets. */
const TINY_SLA_HOURS = 0.00005;
/** About a third of a second: how long a finished ticket waits for a reopen before it closes. */
const TINY_REOPEN_WINDOW_HOURS = 0.0001;
const lineman: TicketActor = { kind: 'staff', username: 'lineman1', role: 'lineman' };

const request: TicketRequest = {
  category: 'meter_defective',
  description: 'Display blank.',
  urgent: false,
  caNumber: '101000001',
  area: { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' },
  urban: true,
  contact: { channel: 'test', conversationId: 'c1', language: 'hi' },
};

/** A backend that times out `failures` times, then knows every consumer in Kankarbagh-1. */
function backendFailing(failures: number) {
  const backend = {
    calls: 0,
    async findConsumer(caNumber: string) {
      backend.calls += 1;
      if (backend.calls <= failures) throw new BackendUnavailableError('timeout');
      const consumer: Consumer = {
        caNumber,
        name: 'Ramesh Kumar',
        address: 'Kankarbagh, Patna',
        mobile: '9876500001',
        meterNumber: 'M1',
        discom: 'SBPDCL',
        area: request.area!,
        urban: true,
      };
      return consumer;
    },
  };
  return backend;
}

function tickets(webhook: TicketWebhook | null = null, backend = backendFailing(0), clock: () => Date = () => new Date()) {
  const jobs = new InProcessJobQueue(silentLogger());
  const repository = new MemoryTicketRepository();
  const breached: Ticket[] = [];
  const notifier = new RecordingNotifier();
  const automation = new TicketAutomation({
    jobs,
    repository,
    backend,
    webhook,
    logger: silentLogger(),
    now: clock,
    onBreach: (ticket) => void breached.push(ticket),
    retryBackoffMs: 20,
    reopenWindowHours: TINY_REOPEN_WINDOW_HOURS,
  });
  const slaHours = { ...DEFAULT_SLA_HOURS, meter_defective: { urban: TINY_SLA_HOURS, rural: TINY_SLA_HOURS } };
  const workflow = new TicketWorkflow({
    repository,
    audit: new MemoryAuditLog(),
    notifier,
    policy: DEFAULT_TICKET_LIFECYCLE_POLICY,
    slaHours,
    now: clock,
    onChanged: (ticket, change) => automation.changed(ticket, change),
  });
  automation.attach(workflow);
  const inboxes = new MemoryStaffAlerts();
  automation.alertSupervisors(
    new BreachAlerts(inboxes, () => [
      { username: 'lineman1', name: 'L', role: 'lineman', area: request.area! },
      { username: 'je1', name: 'J', role: 'je', area: { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh' } },
      { username: 'je2', name: 'J', role: 'je', area: { circle: 'Patna', division: 'Danapur', subDivision: 'Danapur' } },
    ]),
  );
  const service = new TicketService(repository, slaHours, clock, async (ticket, joined) => {
    if (!joined) await automation.opened(ticket);
  });
  service.attach(workflow);
  return { jobs, repository, service, workflow, breached, inboxes, notifier };
}

describe('TicketAutomation', () => {
  const opened: InProcessJobQueue[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((jobs) => jobs.close()));
  });

  it('marks a ticket still open at its due time as breached and raises its priority', async () => {
    const { jobs, repository, service, breached } = tickets();
    opened.push(jobs);
    await jobs.start();
    const { ticket } = await service.open(request);
    await waitFor(() => breached.length === 1);
    const stored = await repository.findByNumber(ticket.number);
    expect(stored?.work?.breached).toBe(true);
    expect(stored?.priority).not.toBe('normal');
  });

  it("puts the breach in the alert inbox of the section's supervisors, once", async () => {
    const { jobs, service, inboxes } = tickets();
    opened.push(jobs);
    await jobs.start();
    const { ticket } = await service.open({ ...request, caNumber: '101000003' });
    await waitFor(async () => (await inboxes.inbox('je1', 10)).alerts.length === 1);
    const je = await inboxes.inbox('je1', 10);
    expect(je).toMatchObject({ unread: 1, alerts: [{ kind: 'sla_breach', read: false, ticket: { number: ticket.number, section: 'Kankarbagh-1', dueAt: ticket.dueAt } }] });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await inboxes.inbox('je1', 10)).alerts).toHaveLength(1);
    expect((await inboxes.inbox('je2', 10)).alerts).toEqual([]);
    expect((await inboxes.inbox('lineman1', 10)).alerts).toEqual([]);
  });

  it('looks again when its check runs before the due time (a clock a little behind), so the breach is not lost', async () => {
    // The service opens the ticket at 11:30; the check's clock is stopped just before the due time,
    // as on an instance whose clock lags: the first check is early and must not be the last.
    let now = new Date('2026-11-28T06:00:00.000Z');
    const { jobs, service, breached } = tickets(null, backendFailing(0), () => now);
    opened.push(jobs);
    const { ticket } = await service.open(request);
    now = new Date(Date.parse(ticket.dueAt) - 50);
    await jobs.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(breached).toEqual([]);
    now = new Date(Date.parse(ticket.dueAt) + 1000);
    await waitFor(() => breached.length === 1);
  });

  it('leaves a ticket resolved before its due time alone', async () => {
    const { jobs, repository, service, workflow, breached } = tickets();
    opened.push(jobs);
    await jobs.start();
    const { ticket } = await service.open({ ...request, caNumber: '101000002' });
    await workflow.change(ticket.number, { type: 'assign', assignee: { username: 'lineman1', role: 'lineman' } }, { kind: 'staff', username: 'je1', role: 'je' });
    await workflow.change(ticket.number, { type: 'accept' }, { kind: 'staff', username: 'lineman1', role: 'lineman' });
    const resolved = await workflow.change(
      ticket.number,
      { type: 'resolve', code: 'meter_replaced', note: 'New meter fitted.' },
      { kind: 'staff', username: 'lineman1', role: 'lineman' },
    );
    expect(resolved.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(breached).toEqual([]);
    expect((await repository.findByNumber(ticket.number))?.work?.breached ?? false).toBe(false);
  });

  it('closes a finished ticket once the reopen window has passed, telling the consumer', async () => {
    const { jobs, repository, service, workflow, notifier } = tickets();
    opened.push(jobs);
    await jobs.start();
    const { ticket } = await service.open({ ...request, category: 'meter_test', caNumber: '101000004' });
    await workflow.change(ticket.number, { type: 'accept' }, lineman);
    await workflow.change(ticket.number, { type: 'cannot_complete', reason: 'Nobody at home.' }, lineman);
    await waitFor(async () => (await repository.findByNumber(ticket.number))?.status === 'closed');
    expect(notifier.sent.map((sent) => sent.notice.key)).toEqual(['ticketUpdate.accepted', 'ticketUpdate.cannot_complete', 'ticketUpdate.closed']);
  });

  it('leaves a ticket the consumer reopened within the window open', async () => {
    const { jobs, repository, service, workflow } = tickets();
    opened.push(jobs);
    await jobs.start();
    const { ticket } = await service.open({ ...request, category: 'meter_test', caNumber: '101000005' });
    await workflow.change(ticket.number, { type: 'accept' }, lineman);
    await workflow.change(ticket.number, { type: 'start' }, lineman);
    await workflow.change(ticket.number, { type: 'resolve', code: 'meter_tested_ok', note: 'Meter within limits.' }, lineman);
    expect((await service.reopen(ticket.number)).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await repository.findByNumber(ticket.number))?.status).toBe('assigned');
  });

  it('gives a ticket opened while the backend was down its area once the backend answers, so the section sees it', async () => {
    const backend = backendFailing(2);
    const { jobs, repository, service } = tickets(null, backend);
    opened.push(jobs);
    await jobs.start();
    const { ticket } = await service.open({ ...request, category: 'meter_test', caNumber: '101000006', area: null });
    const section = { section: 'Kankarbagh-1' };
    expect(await repository.findOpenByArea(section)).toEqual([]);
    await waitFor(async () => (await repository.findOpenByArea(section)).some((each) => each.number === ticket.number));
    expect(backend.calls).toBe(3);
    expect((await repository.findByNumber(ticket.number))?.status).toBe('open');
  });

  it('posts every opening and change to the webhook, signed, retrying until it answers', async () => {
    const secret = 'work-order-shared-secret';
    const received: Array<{ body: string; signature: string | undefined }> = [];
    let calls = 0;
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        calls += 1;
        // The work-order system is down for its first answer.
        if (calls === 1) {
          res.statusCode = 503;
          res.end();
          return;
        }
        received.push({ body, signature: req.headers['x-sampark-signature'] as string | undefined });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/work-orders`;
      const { jobs, service } = tickets({ url, secret });
      opened.push(jobs);
      await jobs.start();
      const { ticket } = await service.open({ ...request, category: 'meter_test' });
      await waitFor(() => received.length === 1);
      const [delivery] = received;
      expect(delivery!.signature).toBe(`sha256=${createHmac('sha256', secret).update(delivery!.body).digest('hex')}`);
      expect(JSON.parse(delivery!.body)).toMatchObject({ event: 'opened', ticket: { number: ticket.number, category: 'meter_test' } });
      // A breach is a change the work-order system hears of too, with the raised priority.
      const { ticket: late } = await service.open(request);
      await waitFor(() => received.some((each) => JSON.parse(each.body).change?.command === 'breach'));
      const breach = received.find((each) => JSON.parse(each.body).change?.command === 'breach')!;
      expect(breach.signature).toBe(`sha256=${createHmac('sha256', secret).update(breach.body).digest('hex')}`);
      expect(JSON.parse(breach.body)).toMatchObject({
        event: 'changed',
        change: { command: 'breach', from: 'open', to: 'open' },
        ticket: { number: late.number, priority: 'high', work: { breached: true } },
      });
    } finally {
      server.close();
    }
  });
});
