import type { Consumer, MeterBackend, MeterStatus } from '../../backend/meterBackend';
import { parseConsumerNumber } from '../../domain/consumerNumber';
import { maskAddress, maskMobile, maskName } from '../../domain/mask';
import type { Ticket } from '../../tickets/ticket';
import type { TicketRepository } from '../../tickets/ticketRepository';
import { maskPersonalData } from '../conversationHistory';
import type { HandoffRecord } from '../handoffRecord';

/** How pressing a waiting conversation is; urgent ones are served first (HandoffService.queue). */
export type QueuePriority = 'urgent' | 'normal';

/** A queue card's preview is a glance, not the conversation: this many characters of it. */
export const PREVIEW_LENGTH = 120;

/**
 * One waiting conversation as the queue shows it: what it is about at a glance, and the consumer's
 * last words with mobiles and codes masked (every agent sees the queue; only the one who takes the
 * conversation reads it in full).
 */
export function queueEntry(record: HandoffRecord, position: number, now: Date) {
  return {
    conversationId: record.request.conversationId,
    position,
    priority: (record.request.urgent ? 'urgent' : 'normal') satisfies QueuePriority,
    channel: record.request.channel,
    language: record.request.language,
    lastIntent: record.request.lastIntent,
    reason: record.request.reason,
    caNumber: record.request.caNumber,
    requestedAt: record.request.requestedAt,
    waitSeconds: secondsSince(record.request.requestedAt, now),
    messages: record.transcript.filter((entry) => entry.from === 'consumer').length,
    lastWords: lastWordsOf(record),
  };
}

/** What the consumer said last, to the agent or before to the bot, masked and cut; null when they said nothing yet. */
export function lastWordsOf(record: HandoffRecord): string | null {
  const said = [...(record.request.history ?? []), ...record.transcript].filter((line) => line.from === 'consumer');
  const last = said.at(-1)?.text.trim();
  if (!last) return null;
  // Masked before the cut, so no part of a number survives it.
  const masked = maskPersonalData(last);
  return masked.length > PREVIEW_LENGTH ? `${masked.slice(0, PREVIEW_LENGTH).trimEnd()}…` : masked;
}

/** One conversation on the agent side as the supervisor's overview lists it. */
export function overviewEntry(record: HandoffRecord, now: Date) {
  return {
    conversationId: record.request.conversationId,
    status: record.status,
    assignee: record.assignee,
    priority: (record.request.urgent ? 'urgent' : 'normal') satisfies QueuePriority,
    channel: record.request.channel,
    language: record.request.language,
    lastIntent: record.request.lastIntent,
    requestedAt: record.request.requestedAt,
    waitSeconds: secondsSince(record.request.requestedAt, now),
    updatedAt: record.updatedAt,
  };
}

/** What the bot knew when it handed over, looked up again now: the agent starts where the bot stopped. */
export interface BotContext {
  caNumber: string | null;
  /** Where the CA number came from: the bot's conversation, or a message the consumer wrote to the agent. */
  caSource: 'bot' | 'consumer' | null;
  /** Name, address and mobile masked, as DOMAIN.md's safety lines require for staff too. */
  consumer: ReturnType<typeof maskedConsumer> | null;
  meter: ReturnType<typeof meterSummary> | null;
  tickets: ReturnType<typeof ticketLine>[];
  /** The meter backend did not answer: consumer and meter are unknown, not absent. */
  backendUnavailable: boolean;
}

/** How many of the consumer's latest messages are tried as a CA number: enough for "here it is", few lookups. */
const CA_CANDIDATES = 3;

/** Looks the consumer's details, meter and tickets up; a backend that does not answer leaves them out. */
export async function botContext(record: HandoffRecord, backend: MeterBackend, tickets: TicketRepository): Promise<BotContext> {
  const fromBot = record.request.caNumber;
  const caNumber = fromBot ?? (await numberGivenToAgent(record, backend));
  const caSource = fromBot ? 'bot' : caNumber ? 'consumer' : null;
  if (!caNumber) return { caNumber, caSource, consumer: null, meter: null, tickets: [], backendUnavailable: false };
  const [consumer, meter, theirTickets] = await Promise.allSettled([
    backend.findConsumer(caNumber),
    backend.getMeterStatus(caNumber),
    tickets.findByConsumer(caNumber),
  ]);
  return {
    caNumber,
    caSource,
    consumer: consumer.status === 'fulfilled' && consumer.value ? maskedConsumer(consumer.value) : null,
    meter: meter.status === 'fulfilled' && meter.value ? meterSummary(meter.value) : null,
    tickets: theirTickets.status === 'fulfilled' ? theirTickets.value.map(ticketLine) : [],
    backendUnavailable: consumer.status === 'rejected' || meter.status === 'rejected',
  };
}

/**
 * The CA number the consumer sent the agent as a message of its own, the latest one the backend
 * knows: a number it does not know (a payment reference, say) is not taken for one. When the
 * backend does not answer, the latest candidate stands, and the lookups after say it is unavailable.
 */
async function numberGivenToAgent(record: HandoffRecord, backend: MeterBackend): Promise<string | null> {
  const candidates = record.transcript
    .filter((entry) => entry.from === 'consumer')
    .flatMap((entry) => {
      const parsed = parseConsumerNumber(entry.text);
      return parsed.ok ? [parsed.value] : [];
    })
    .reverse()
    .slice(0, CA_CANDIDATES);
  try {
    for (const candidate of candidates) if (await backend.findConsumer(candidate)) return candidate;
    return null;
  } catch {
    return candidates[0] ?? null;
  }
}

/** The conversation as its agent works it: request, the bot's part before, what was said since, notes, context. */
export function conversationView(record: HandoffRecord, context: BotContext | null) {
  return {
    conversationId: record.request.conversationId,
    status: record.status,
    assignee: record.assignee,
    priority: (record.request.urgent ? 'urgent' : 'normal') satisfies QueuePriority,
    channel: record.request.channel,
    language: record.request.language,
    caNumber: record.request.caNumber,
    lastIntent: record.request.lastIntent,
    reason: record.request.reason,
    requestedAt: record.request.requestedAt,
    resolution: record.resolution,
    /** The consumer and the bot before the handoff, when the bot kept it. */
    history: record.request.history ?? [],
    transcript: record.transcript,
    notes: record.notes ?? [],
    context,
  };
}

/** A consumer as staff on the agent side see them: name, address and mobile masked. */
export function maskedConsumer(consumer: Consumer) {
  return {
    name: maskName(consumer.name),
    address: maskAddress(consumer.address),
    mobile: consumer.mobile === null ? null : maskMobile(consumer.mobile),
    meterNumber: consumer.meterNumber,
    discom: consumer.discom,
    division: consumer.area.division,
    section: consumer.area.section,
  };
}

function meterSummary(meter: MeterStatus) {
  return {
    balance: meter.balance,
    relay: meter.relay,
    communicating: meter.communicating,
    lastCommunicationAt: meter.lastCommunicationAt,
    lastRecharge: meter.lastRecharge,
    arrears: meter.arrears,
  };
}

/** A ticket as a line in the context panel or a search result. */
export function ticketLine(ticket: Ticket) {
  return {
    number: ticket.number,
    category: ticket.category,
    status: ticket.status,
    priority: ticket.priority,
    createdAt: ticket.createdAt,
    dueAt: ticket.dueAt,
  };
}

function secondsSince(instant: string, now: Date): number {
  return Math.max(0, Math.round((now.getTime() - Date.parse(instant)) / 1000));
}
