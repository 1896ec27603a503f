import type { PresentAgent } from '../handoff/agentPresence';
import type { CallBack } from '../handoff/callBacks/callBack';
import type { HandoffRecord } from '../handoff/handoffRecord';
import type { Ticket } from '../tickets/ticket';

/** Ages an open backlog is read by: a day, three days (a meter test is due in five), a week, older. */
export const BACKLOG_AGES = [
  { bucket: 'under_1_day', upToHours: 24 },
  { bucket: '1_to_3_days', upToHours: 72 },
  { bucket: '3_to_7_days', upToHours: 168 },
  { bucket: 'over_7_days', upToHours: Number.POSITIVE_INFINITY },
] as const;
type BacklogAge = (typeof BACKLOG_AGES)[number]['bucket'];

/** What the desk stands at now, from the live records. */
export interface DeskNowInput {
  queued: HandoffRecord[];
  assigned: HandoffRecord[];
  online: PresentAgent[];
  callBacks: CallBack[];
  openTickets: Ticket[];
  now: Date;
}

/**
 * The figures a shift is run on, as they stand: who waits and how long, who is there to answer,
 * the call-backs owed, and the open tickets by age with the SLA breaches now. Complaint tickets and
 * campaign visits are counted apart: a door-to-door campaign must not hide a late complaint.
 */
export function deskNow({ queued, assigned, online, callBacks, openTickets, now }: DeskNowInput) {
  const seconds = (iso: string) => Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  const waits = queued.map((record) => seconds(record.request.requestedAt));
  const agents = online.filter((agent) => agent.role === 'agent');
  return {
    at: now.toISOString(),
    queue: {
      waiting: queued.length,
      urgent: queued.filter((record) => record.request.urgent === true).length,
      longestWaitSeconds: waits.length > 0 ? Math.max(...waits) : 0,
    },
    agents: {
      online: agents.length,
      away: agents.filter((agent) => agent.away).length,
      withConsumers: assigned.length,
    },
    callBacks: {
      open: callBacks.length,
      dueNow: callBacks.filter((callBack) => callBack.status === 'waiting' && Date.parse(callBack.request.dueAt) <= now.getTime()).length,
    },
    complaints: backlog(openTickets.filter((ticket) => ticket.category !== 'sampark_visit'), now),
    campaignVisits: backlog(openTickets.filter((ticket) => ticket.category === 'sampark_visit'), now),
  };
}

function backlog(tickets: Ticket[], now: Date) {
  const byAge = Object.fromEntries(BACKLOG_AGES.map(({ bucket }) => [bucket, 0])) as Record<BacklogAge, number>;
  for (const ticket of tickets) {
    const hours = (now.getTime() - Date.parse(ticket.createdAt)) / 3_600_000;
    byAge[BACKLOG_AGES.find((age) => hours < age.upToHours)!.bucket] += 1;
  }
  return {
    open: tickets.length,
    byAge,
    // Past its due time now, whether or not the SLA job has marked it yet.
    breachedNow: tickets.filter((ticket) => Date.parse(ticket.dueAt) <= now.getTime()).length,
  };
}
