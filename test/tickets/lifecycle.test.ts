import { isOverdue, transition, type TicketActor, type TicketCommand, type TransitionContext } from '../../src/tickets/lifecycle';
import type { Ticket, TicketStatus } from '../../src/tickets/ticket';

const NOW = new Date('2026-11-28T06:00:00.000Z');
const HOUR = 3_600_000;
const context: TransitionContext = { now: NOW, reopenWindowHours: 72, fallbackSlaHours: 48 };
const lineman1: TicketActor = { kind: 'staff', username: 'lineman1', role: 'lineman' };
const lineman2: TicketActor = { kind: 'staff', username: 'lineman2', role: 'lineman' };
const je1: TicketActor = { kind: 'staff', username: 'je1', role: 'je' };
const agent: TicketActor = { kind: 'staff', username: 'agent1', role: 'agent' };

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    number: 'SP00000018',
    category: 'meter_defective',
    priority: 'normal',
    status: 'open',
    caNumber: '101000001',
    area: { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' },
    description: 'Display blank.',
    contact: { channel: 'test', conversationId: 'c1', language: 'hi' },
    createdAt: '2026-11-27T06:00:00.000Z',
    dueAt: '2026-11-29T06:00:00.000Z',
    slaHours: 48,
    laterReports: [],
    ...overrides,
  };
}

/** Runs commands in order, each at its own time, failing loudly on the first refusal. */
function run(start: Ticket, steps: [TicketCommand, TicketActor, Date?][]): Ticket {
  return steps.reduce((current, [command, actor, at]) => {
    const result = transition(current, command, actor, { ...context, now: at ?? NOW });
    if (!result.ok) throw new Error(`${command.type} refused: ${result.problem}`);
    return result.ticket;
  }, start);
}

describe('ticket lifecycle', () => {
  it('walks the whole way from open to closed, counting revisions', () => {
    const closed = run(ticket(), [
      [{ type: 'assign', assignee: { username: 'lineman1', role: 'lineman' } }, je1],
      [{ type: 'accept' }, lineman1],
      [{ type: 'on_the_way' }, lineman1],
      [{ type: 'start' }, lineman1],
      [{ type: 'resolve', code: 'meter_replaced', note: 'Replaced the meter.' }, lineman1],
      [{ type: 'close' }, je1],
    ]);
    expect(closed.status).toBe('closed');
    expect(closed.work).toMatchObject({ revision: 6, assignee: { username: 'lineman1' }, resolution: { code: 'meter_replaced' } });
  });

  it('lets a lineman accept an open ticket, which makes it his', () => {
    expect(run(ticket(), [[{ type: 'accept' }, lineman1]]).work?.assignee).toEqual({ username: 'lineman1', role: 'lineman' });
  });

  it.each<[TicketStatus, TicketCommand]>([
    ['open', { type: 'start' }],
    ['open', { type: 'resolve', code: 'other', note: 'done' }],
    ['assigned', { type: 'on_the_way' }],
    ['resolved', { type: 'accept' }],
    ['closed', { type: 'note', text: 'late' }],
  ])('refuses to go from %s by %j', (status, command) => {
    expect(transition(ticket({ status }), command, je1, context)).toEqual({ ok: false, problem: 'wrong_status' });
  });

  it('needs a note to resolve and a reason to give up or hold', () => {
    const working = run(ticket(), [[{ type: 'accept' }, lineman1]]);
    for (const command of [
      { type: 'resolve', code: 'other', note: '  ' },
      { type: 'cannot_complete', reason: '' },
      { type: 'hold', reason: ' ' },
    ] as TicketCommand[]) {
      expect(transition(working, command, lineman1, context)).toEqual({ ok: false, problem: 'missing_text' });
    }
  });

  it('keeps roles to their part: only supervisors assign and close, only the consumer reopens', () => {
    expect(transition(ticket(), { type: 'assign', assignee: { username: 'x', role: 'lineman' } }, lineman1, context)).toMatchObject({ problem: 'forbidden_role' });
    expect(transition(ticket(), { type: 'accept' }, agent, context)).toMatchObject({ problem: 'forbidden_role' });
    expect(transition(ticket({ status: 'resolved' }), { type: 'close' }, lineman1, context)).toMatchObject({ problem: 'forbidden_role' });
    expect(transition(ticket({ status: 'resolved' }), { type: 'reopen' }, je1, context)).toMatchObject({ problem: 'forbidden_role' });
    expect(transition(ticket(), { type: 'breach' }, je1, context)).toMatchObject({ problem: 'forbidden_role' });
  });

  it("stops a lineman working another lineman's ticket, but not the JE", () => {
    const accepted = run(ticket(), [[{ type: 'accept' }, lineman1]]);
    expect(transition(accepted, { type: 'on_the_way' }, lineman2, context)).toEqual({ ok: false, problem: 'not_assignee' });
    expect(transition(accepted, { type: 'on_the_way' }, je1, context).ok).toBe(true);
  });

  it('stops the SLA clock on hold and moves the due time by the time held', () => {
    const held = run(ticket(), [
      [{ type: 'accept' }, lineman1],
      [{ type: 'hold', reason: 'Meter out of stock' }, lineman1],
    ]);
    expect(isOverdue(held, new Date('2026-12-05T00:00:00.000Z'))).toBe(false);
    const resumed = run(held, [[{ type: 'resume' }, lineman1, new Date(NOW.getTime() + 10 * HOUR)]]);
    expect(resumed.status).toBe('accepted');
    expect(resumed.dueAt).toBe('2026-11-29T16:00:00.000Z');
    expect(resumed.work).toMatchObject({ heldHours: 10 });
    expect(resumed.work?.hold).toBeUndefined();
  });

  it('lets the consumer reopen within the window, with a fresh due time, and not after', () => {
    const resolved = run(ticket(), [
      [{ type: 'accept' }, lineman1],
      [{ type: 'resolve', code: 'relay_reconnected', note: 'Reconnected.' }, lineman1],
    ]);
    const reopenAt = new Date(NOW.getTime() + 71 * HOUR);
    const reopened = run(resolved, [[{ type: 'reopen' }, { kind: 'consumer' }, reopenAt]]);
    expect(reopened.status).toBe('assigned');
    expect(reopened.dueAt).toBe(new Date(reopenAt.getTime() + 48 * HOUR).toISOString());
    expect(reopened.work).toMatchObject({ reopenCount: 1 });
    expect(reopened.work?.resolution).toBeUndefined();
    const late = transition(resolved, { type: 'reopen' }, { kind: 'consumer' }, { ...context, now: new Date(NOW.getTime() + 73 * HOUR) });
    expect(late).toEqual({ ok: false, problem: 'reopen_window_passed' });
  });

  it('marks a breach once, past the due time, raising the priority', () => {
    const late = new Date('2026-11-29T06:00:00.000Z');
    const system: TicketActor = { kind: 'system' };
    expect(transition(ticket(), { type: 'breach' }, system, context)).toEqual({ ok: false, problem: 'not_due' });
    const breached = run(ticket(), [[{ type: 'breach' }, system, late]]);
    expect(breached).toMatchObject({ priority: 'high', status: 'open', work: { breached: true } });
    expect(transition(breached, { type: 'breach' }, system, { ...context, now: late })).toEqual({ ok: false, problem: 'not_due' });
    expect(transition(ticket({ status: 'on_hold' }), { type: 'breach' }, system, { ...context, now: late })).toMatchObject({ problem: 'wrong_status' });
  });

  it('lets Sampark give a ticket opened without an area its area, once, never moving one that has it', () => {
    const area = { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-2' };
    const located = run(ticket({ area: null, status: 'assigned' }), [[{ type: 'locate', area }, { kind: 'system' }]]);
    expect(located).toMatchObject({ area, status: 'assigned' });
    expect(transition(located, { type: 'locate', area }, { kind: 'system' }, context)).toEqual({ ok: false, problem: 'wrong_status' });
    expect(transition(ticket({ area: null }), { type: 'locate', area }, je1, context)).toEqual({ ok: false, problem: 'forbidden_role' });
  });

  it('adds a note without changing the status', () => {
    const noted = run(ticket(), [[{ type: 'note', text: 'Called, no answer.' }, lineman1]]);
    expect(noted.status).toBe('open');
    expect(noted.work?.notes).toEqual([{ at: NOW.toISOString(), by: 'lineman1', text: 'Called, no answer.' }]);
  });
});
