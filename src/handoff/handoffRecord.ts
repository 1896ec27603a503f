import { z } from 'zod';
import { HandoffRequestSchema, type HandoffRequest } from './handoffQueue';

/** Where a conversation stands: with the bot, waiting, with an agent, or how the last request ended. */
export const HandoffStatusSchema = z.enum(['bot', 'queued', 'assigned', 'resolved', 'expired', 'cancelled']);
export type HandoffStatus = z.infer<typeof HandoffStatusSchema>;

/** Why an agent handed a conversation back. */
export const ResolveReasonSchema = z.enum(['answered', 'ticket_raised', 'referred_to_office', 'consumer_unresponsive', 'other']);
export type ResolveReason = z.infer<typeof ResolveReasonSchema>;

/** The consumer's one-tap answer on how the agent helped. */
export const SatisfactionRatingSchema = z.enum(['good', 'okay', 'poor']);
export type SatisfactionRating = z.infer<typeof SatisfactionRatingSchema>;

/** The question asked when a resolved conversation comes back to the bot; `rating` null while unanswered. */
const SatisfactionAnswerSchema = z.object({
  askedAt: z.string(),
  /** `skipped` when the consumer wrote something else instead. */
  rating: z.union([SatisfactionRatingSchema, z.literal('skipped')]).nullable(),
});

/** One line the agent side sees: the consumer's words or an agent's reply. */
const TranscriptEntrySchema = z.object({
  from: z.enum(['consumer', 'agent']),
  text: z.string(),
  at: z.string(),
  /** The agent's username, for agent lines. */
  agent: z.string().optional(),
});
export type TranscriptEntry = z.infer<typeof TranscriptEntrySchema>;

/** What one agent tells the others about a conversation; never shown to the consumer. */
const AgentNoteSchema = z.object({ agent: z.string(), text: z.string(), at: z.string() });

/** Who acts on a conversation: a supervisor may act on any, an agent only on queued ones and their own. */
export interface AgentActor {
  username: string;
  supervising: boolean;
}

/**
 * The handoff state of one conversation, with the request that started it and what was said since;
 * a store reads it back through this schema, since another instance (or version) may have written it.
 */
export const HandoffRecordSchema = z.object({
  request: HandoffRequestSchema,
  status: HandoffStatusSchema,
  /** Bumped on every change; stores write only over the version they were given (compare-and-set). */
  version: z.number().int().positive(),
  assignee: z.string().nullable(),
  resolution: ResolveReasonSchema.nullable(),
  transcript: z.array(TranscriptEntrySchema),
  /** Private notes of the agent side, absent until the first is written. */
  notes: z.array(AgentNoteSchema).optional(),
  /** Set when a resolved conversation came back to the bot and the consumer was asked how it went. */
  satisfaction: SatisfactionAnswerSchema.optional(),
  /** When an agent first took this request; absent while nobody has. */
  firstAssignedAt: z.string().optional(),
  updatedAt: z.string(),
});
export type HandoffRecord = z.infer<typeof HandoffRecordSchema>;

/** Everything that can happen to a conversation's handoff. */
export type HandoffEvent =
  | { type: 'queue'; request: HandoffRequest }
  | { type: 'claim'; agent: string; at: string }
  | { type: 'cancel'; at: string }
  | { type: 'expire'; at: string }
  | { type: 'resolve'; agent: string; reason: ResolveReason; at: string }
  | { type: 'return_to_bot'; at: string }
  | { type: 'rate'; rating: SatisfactionRating | 'skipped'; at: string }
  /** `urgent`: the message speaks of a health need (an ill child, medical equipment). */
  | { type: 'consumer_wrote'; text: string; at: string; urgent?: boolean }
  | { type: 'agent_replied'; agent: string; text: string; at: string }
  | { type: 'note'; by: AgentActor; text: string; at: string }
  /** To another agent, or back to the queue (`to: null`). */
  | { type: 'transfer'; by: AgentActor; to: string | null; at: string };

/** Why an event was refused. */
export type TransitionProblem = 'not_found' | 'wrong_status' | 'taken' | 'not_assignee';

/** The next record, `changed: false` when the event was a repeat that needs no write. */
export type TransitionResult =
  | { ok: true; record: HandoffRecord; changed: boolean }
  | { ok: false; problem: TransitionProblem };

/** Statuses in which the agent side owns the conversation and the bot stays silent. */
export const WITH_AGENT_SIDE: readonly HandoffStatus[] = ['queued', 'assigned'];

/** The one place every handoff change is validated; pure, so stores only have to write its result. */
export function transition(current: HandoffRecord | null, event: HandoffEvent): TransitionResult {
  if (event.type === 'queue') {
    // Asking again while waiting or with an agent is not a second request.
    if (current && WITH_AGENT_SIDE.includes(current.status)) return { ok: true, record: current, changed: false };
    return changed(current, {
      request: event.request,
      status: 'queued',
      assignee: null,
      resolution: null,
      transcript: [],
      updatedAt: event.request.requestedAt,
    });
  }
  if (!current) return { ok: false, problem: 'not_found' };
  switch (event.type) {
    case 'claim':
      if (current.status === 'assigned') {
        return current.assignee === event.agent ? { ok: true, record: current, changed: false } : { ok: false, problem: 'taken' };
      }
      if (current.status !== 'queued') return { ok: false, problem: 'wrong_status' };
      return changed(current, { ...current, status: 'assigned', assignee: event.agent, firstAssignedAt: current.firstAssignedAt ?? event.at, updatedAt: event.at });
    case 'cancel':
      if (!WITH_AGENT_SIDE.includes(current.status)) return { ok: false, problem: 'wrong_status' };
      return changed(current, { ...current, status: 'cancelled', updatedAt: event.at });
    case 'expire':
      // The wait ends an unanswered request: one an agent took and put back has been answered, and
      // telling that consumer nobody was free would be untrue.
      if (current.status !== 'queued' || current.firstAssignedAt) return { ok: false, problem: 'wrong_status' };
      return changed(current, { ...current, status: 'expired', updatedAt: event.at });
    case 'resolve':
      if (current.status !== 'assigned') return { ok: false, problem: 'wrong_status' };
      if (current.assignee !== event.agent) return { ok: false, problem: 'not_assignee' };
      return changed(current, { ...current, status: 'resolved', resolution: event.reason, updatedAt: event.at });
    case 'return_to_bot':
      if (current.status === 'bot') return { ok: true, record: current, changed: false };
      if (WITH_AGENT_SIDE.includes(current.status)) return { ok: false, problem: 'wrong_status' };
      // Only a conversation an agent finished asks how it went; an expired or cancelled one had no agent.
      return changed(current, {
        ...current,
        status: 'bot',
        ...(current.status === 'resolved' ? { satisfaction: { askedAt: event.at, rating: null } } : {}),
        updatedAt: event.at,
      });
    case 'rate':
      if (current.status !== 'bot' || current.satisfaction?.rating !== null) return { ok: false, problem: 'wrong_status' };
      return changed(current, { ...current, satisfaction: { ...current.satisfaction, rating: event.rating }, updatedAt: event.at });
    case 'consumer_wrote':
      if (!WITH_AGENT_SIDE.includes(current.status)) return { ok: false, problem: 'wrong_status' };
      // A health need said while waiting counts as if said before asking: it stays with the request.
      return changed(current, appended(event.urgent ? { ...current, request: { ...current.request, urgent: true } } : current, { from: 'consumer', text: event.text, at: event.at }));
    case 'agent_replied':
      if (current.status !== 'assigned') return { ok: false, problem: 'wrong_status' };
      if (current.assignee !== event.agent) return { ok: false, problem: 'not_assignee' };
      return changed(current, appended(current, { from: 'agent', agent: event.agent, text: event.text, at: event.at }));
    case 'note':
      if (!WITH_AGENT_SIDE.includes(current.status)) return { ok: false, problem: 'wrong_status' };
      if (!mayActOn(current, event.by)) return { ok: false, problem: 'not_assignee' };
      return changed(current, { ...current, notes: [...(current.notes ?? []), { agent: event.by.username, text: event.text, at: event.at }] });
    case 'transfer':
      // A supervisor may hand a waiting conversation straight to an agent; otherwise only an assigned one moves.
      if (current.status === 'queued' ? !(event.by.supervising && event.to !== null) : current.status !== 'assigned') {
        return { ok: false, problem: 'wrong_status' };
      }
      if (!mayActOn(current, event.by)) return { ok: false, problem: 'not_assignee' };
      if (event.to === current.assignee) return { ok: true, record: current, changed: false };
      return changed(current, {
        ...current,
        status: event.to === null ? 'queued' : 'assigned',
        assignee: event.to,
        // Back to the queue only from an agent, so either way an agent has taken it by now.
        firstAssignedAt: current.firstAssignedAt ?? event.at,
        updatedAt: event.at,
      });
  }
}

function mayActOn(current: HandoffRecord, actor: AgentActor): boolean {
  return actor.supervising || current.assignee === null || current.assignee === actor.username;
}

function appended(current: HandoffRecord, entry: TranscriptEntry): HandoffRecord {
  return { ...current, transcript: [...current.transcript, entry], updatedAt: entry.at };
}

function changed(current: HandoffRecord | null, next: Omit<HandoffRecord, 'version'>): TransitionResult {
  return { ok: true, record: { ...next, version: (current?.version ?? 0) + 1 }, changed: true };
}
