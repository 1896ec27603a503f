import { MemoryAuditLog } from '../../src/auth/memoryAuditLog';
import { DEFAULT_SLA_HOURS, DEFAULT_TICKET_LIFECYCLE_POLICY } from '../../src/config/ticketPolicy';
import { Translator } from '../../src/i18n/translator';
import type { TicketActor } from '../../src/tickets/lifecycle';
import { MemoryTicketRepository } from '../../src/tickets/memoryTicketRepository';
import { RedisTicketRepository } from '../../src/tickets/redisTicketRepository';
import { TICKET_CLOSURE_NOTICES, TICKET_STATUS_NOTICES } from '../../src/tickets/ticketNotices';
import { TicketService, type TicketRequest } from '../../src/tickets/ticketService';
import { TicketWorkflow } from '../../src/tickets/ticketWorkflow';
import type { TicketRepository } from '../../src/tickets/ticketRepository';
import { removeKeys, testRedis, uniquePrefix } from '../support/redis';
import { RecordingNotifier } from './recordingNotifier';

const NOW = new Date('2026-11-28T06:00:00.000Z');
const lineman1: TicketActor = { kind: 'staff', username: 'lineman1', role: 'lineman' };
const lineman2: TicketActor = { kind: 'staff', username: 'lineman2', role: 'lineman' };

const request: TicketRequest = {
  category: 'meter_defective',
  description: 'Display blank.',
  urgent: false,
  caNumber: '101000001',
  area: { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' },
  urban: true,
  contact: { channel: 'whatsapp', conversationId: 'c1', language: 'hi' },
};

function setUp(repository: TicketRepository = new MemoryTicketRepository()) {
  const audit = new MemoryAuditLog();
  const notifier = new RecordingNotifier();
  const changed: string[] = [];
  const workflow = new TicketWorkflow({
    repository,
    audit,
    notifier,
    policy: DEFAULT_TICKET_LIFECYCLE_POLICY,
    slaHours: DEFAULT_SLA_HOURS,
    now: () => NOW,
    onChanged: async (ticket, change) => void changed.push(`${ticket.number}:${change.to}`),
  });
  return { service: new TicketService(repository, DEFAULT_SLA_HOURS, () => NOW), workflow, audit, notifier, changed };
}

describe('TicketWorkflow', () => {
  it('stores each change, audits it and tells the consumer in their language on their channel', async () => {
    const { service, workflow, audit, notifier, changed } = setUp();
    const { ticket } = await service.open(request);
    const accepted = await workflow.change(ticket.number, { type: 'accept' }, lineman1);
    expect(accepted).toMatchObject({ ok: true, ticket: { status: 'accepted' }, notice: { delivered: true } });
    expect((await service.findByNumber(ticket.number))?.status).toBe('accepted');
    expect(await audit.recent(10, ticket.number)).toEqual([
      { at: NOW.toISOString(), actor: 'lineman1', role: 'lineman', action: 'ticket.accept', subject: ticket.number, detail: { from: 'open', to: 'accepted' } },
    ]);
    expect(notifier.sent).toEqual([
      { contact: request.contact, notice: { key: 'ticketUpdate.accepted', params: { number: expect.stringMatching(/^SP-\d{4}-\d{4}$/) } } },
    ]);
    expect(changed).toEqual([`${ticket.number}:accepted`]);
  });

  it('records the closure code but never the note, and sends no notice for a note', async () => {
    const { service, workflow, audit, notifier } = setUp();
    const { ticket } = await service.open(request);
    await workflow.change(ticket.number, { type: 'accept' }, lineman1);
    await workflow.change(ticket.number, { type: 'note', text: 'Consumer Ramesh, 9876543210, not home.' }, lineman1);
    await workflow.change(ticket.number, { type: 'resolve', code: 'meter_replaced', note: 'Replaced.' }, lineman1);
    const entries = await audit.recent(10, ticket.number);
    expect(entries.map((entry) => entry.action)).toEqual(['ticket.resolve', 'ticket.note', 'ticket.accept']);
    expect(entries[0]?.detail).toEqual({ from: 'accepted', to: 'resolved', closureCode: 'meter_replaced' });
    expect(JSON.stringify(entries)).not.toContain('9876543210');
    expect(notifier.sent.map((sent) => sent.notice.key)).toEqual(['ticketUpdate.accepted', 'ticketUpdate.resolved']);
  });

  it('records to whom a ticket is assigned, so every hand it passed through stays in the audit', async () => {
    const { service, workflow, audit } = setUp();
    const { ticket } = await service.open(request);
    const je: TicketActor = { kind: 'staff', username: 'je1', role: 'je' };
    await workflow.change(ticket.number, { type: 'assign', assignee: { username: 'lineman1', role: 'lineman' } }, je);
    await workflow.change(ticket.number, { type: 'assign', assignee: { username: 'lineman2', role: 'lineman' } }, je);
    expect((await audit.recent(10, ticket.number)).map((entry) => entry.detail)).toEqual([
      { from: 'assigned', to: 'assigned', assignee: 'lineman2', assigneeRole: 'lineman' },
      { from: 'open', to: 'assigned', assignee: 'lineman1', assigneeRole: 'lineman' },
    ]);
  });

  it('tells every conversation whose complaint joined the ticket, each in its own language', async () => {
    const { service, workflow, notifier } = setUp();
    const { ticket } = await service.open(request);
    const onWebChat = { channel: 'directline', conversationId: 'web-7', language: 'en' as const };
    await service.open({ ...request, description: 'Still blank, writing from the website.', contact: onWebChat });
    await service.open({ ...request, description: 'Again from WhatsApp.' });
    const accepted = await workflow.change(ticket.number, { type: 'accept' }, lineman1);
    expect(accepted).toMatchObject({ ok: true, notice: { delivered: true } });
    expect(notifier.sent.map((sent) => [sent.contact, sent.notice.key])).toEqual([
      [request.contact, 'ticketUpdate.accepted'],
      [onWebChat, 'ticketUpdate.accepted'],
    ]);
  });

  it('refuses what the lifecycle refuses, changing nothing and telling no one', async () => {
    const { service, workflow, audit, notifier } = setUp();
    const { ticket } = await service.open(request);
    expect(await workflow.change(ticket.number, { type: 'start' }, lineman1)).toEqual({ ok: false, problem: 'wrong_status' });
    expect(await workflow.change('SP00000000', { type: 'accept' }, lineman1)).toEqual({ ok: false, problem: 'not_found' });
    expect(await audit.recent(10)).toEqual([]);
    expect(notifier.sent).toEqual([]);
  });

  it('keeps the change when the channel fails, and says the consumer was not told', async () => {
    const { service, workflow, notifier } = setUp();
    const { ticket } = await service.open(request);
    notifier.refuse = true;
    const outcome = await workflow.change(ticket.number, { type: 'accept' }, lineman1);
    expect(outcome).toMatchObject({ ok: true, notice: { delivered: false, reason: 'channel_refused' } });
  });

  it('lets the consumer reopen a resolved ticket, which takes new complaints again, without a notice to the one who reopened it', async () => {
    const { service, workflow, notifier } = setUp();
    const { ticket } = await service.open(request);
    await workflow.change(ticket.number, { type: 'accept' }, lineman1);
    await workflow.change(ticket.number, { type: 'resolve', code: 'meter_replaced', note: 'Replaced.' }, lineman1);
    const reopened = await workflow.change(ticket.number, { type: 'reopen' }, { kind: 'consumer' });
    expect(reopened).toMatchObject({ ok: true, ticket: { status: 'assigned' }, notice: null });
    expect((await service.open({ ...request, description: 'Blank again.' })).ticket.number).toBe(ticket.number);
    expect(notifier.sent.map((sent) => sent.notice.key)).toEqual(['ticketUpdate.accepted', 'ticketUpdate.resolved']);
  });

  it('has a notice in both languages for every status a change can reach', async () => {
    const translator = await Translator.create();
    for (const language of ['hi', 'en'] as const) {
      const t = translator.forLanguage(language);
      for (const key of TICKET_STATUS_NOTICES) {
        expect(t(key, { number: 'SP-0000-0018' })).toContain('SP-0000-0018');
      }
    }
  });

  it('tells the consumer how their complaint was resolved, in their language ("meter replaced")', async () => {
    const { service, workflow, notifier } = setUp();
    const { ticket } = await service.open(request);
    await workflow.change(ticket.number, { type: 'accept' }, lineman1);
    await workflow.change(ticket.number, { type: 'resolve', code: 'meter_replaced', note: 'Replaced.' }, lineman1);
    const resolved = notifier.sent.at(-1)!.notice;
    expect(resolved).toEqual({ key: 'ticketUpdate.resolved', params: { number: expect.any(String), context: 'meter_replaced' } });
    const translator = await Translator.create();
    expect(translator.forLanguage('hi')(resolved.key, resolved.params)).toContain('आपका मीटर बदल दिया गया है');
    expect(translator.forLanguage('en')(resolved.key, resolved.params)).toContain('your meter has been replaced');
  });

  it('has a resolved notice in both languages for every closure code, naming the ticket', async () => {
    const translator = await Translator.create();
    for (const language of ['hi', 'en'] as const) {
      const t = translator.forLanguage(language);
      const plain = t('ticketUpdate.resolved', { number: 'SP-0000-0018' });
      for (const key of TICKET_CLOSURE_NOTICES) {
        const code = key.slice('ticketUpdate.resolved_'.length);
        const told = t('ticketUpdate.resolved', { number: 'SP-0000-0018', context: code });
        expect(told).toContain('SP-0000-0018');
        expect([key, told]).not.toEqual([key, plain]);
      }
    }
  });

  describe('on Redis, two instances at once', () => {
    const redis = testRedis();
    const prefix = uniquePrefix('ticket-workflow');
    afterAll(async () => {
      await removeKeys(redis, prefix);
      redis.disconnect();
    });

    it('lets exactly one of two linemen accepting the same ticket have it', async () => {
      const one = setUp(new RedisTicketRepository(redis, prefix));
      const two = setUp(new RedisTicketRepository(redis, prefix));
      const { ticket } = await one.service.open(request);
      const outcomes = await Promise.all([
        one.workflow.change(ticket.number, { type: 'accept' }, lineman1),
        two.workflow.change(ticket.number, { type: 'accept' }, lineman2),
      ]);
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
      expect(outcomes.find((outcome) => !outcome.ok)).toEqual({ ok: false, problem: 'wrong_status' });
      const stored = await one.service.findByNumber(ticket.number);
      expect(stored?.work?.revision).toBe(1);
    });

    it('returns the same ticket for concurrent retries of one create request', async () => {
      const one = setUp(new RedisTicketRepository(redis, prefix));
      const two = setUp(new RedisTicketRepository(redis, prefix));
      const retry = { ...request, caNumber: '101000009', requestId: 'turn-42' };
      const outcomes = await Promise.all([one.service.open(retry), two.service.open(retry), one.service.open(retry)]);
      expect(new Set(outcomes.map((outcome) => outcome.ticket.number)).size).toBe(1);
      expect(outcomes.every((outcome) => !outcome.joined)).toBe(true);
    });
  });
});
