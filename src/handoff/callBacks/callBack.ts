import { z } from 'zod';
import { LANGUAGES } from '../../i18n/language';
import type { AgentActor } from '../handoffRecord';

/** Where the number to call came from; the consumer confirmed it in the chat either way. */
export const PhoneSourceSchema = z.enum(['registered', 'whatsapp', 'typed']);
export type PhoneSource = z.infer<typeof PhoneSourceSchema>;

/** Why the consumer gets a call instead of a chat. */
export const CallBackReasonSchema = z.enum(['outside_agent_hours', 'no_agent_in_time']);
export type CallBackReason = z.infer<typeof CallBackReasonSchema>;

/** What came of one call an agent made. */
export const CallOutcomeSchema = z.enum(['reached', 'no_answer', 'busy', 'switched_off', 'wrong_number']);
export type CallOutcome = z.infer<typeof CallOutcomeSchema>;

/** How a call-back ended. */
export const CallBackClosingSchema = z.enum(['helped', 'ticket_raised', 'unreachable', 'not_needed']);
export type CallBackClosing = z.infer<typeof CallBackClosingSchema>;

export const CallBackStatusSchema = z.enum(['waiting', 'taken', 'closed']);
export type CallBackStatus = z.infer<typeof CallBackStatusSchema>;

/** What the chat asks for: who to call, on which number, and why. */
export const CallBackRequestSchema = z.object({
  conversationId: z.string().min(1),
  channel: z.string().min(1),
  language: z.enum(LANGUAGES),
  caNumber: z.string().nullable(),
  /** Ten digits, as parseMobileNumber gives it. */
  phone: z.string().regex(/^[6-9]\d{9}$/),
  phoneSource: PhoneSourceSchema,
  reason: CallBackReasonSchema,
  /** A health need said in the conversation: called first. */
  urgent: z.boolean(),
  requestedAt: z.string(),
  /** When agents are next in (AGENT_HOURS): the call is not expected before. */
  dueAt: z.string(),
});
export type CallBackRequest = z.infer<typeof CallBackRequestSchema>;

const CallAttemptSchema = z.object({
  agent: z.string(),
  outcome: CallOutcomeSchema,
  /** What the agent learnt, for the next agent; never sent to the consumer. */
  note: z.string(),
  at: z.string(),
});
export type CallAttempt = z.infer<typeof CallAttemptSchema>;

/** One call-back as the store keeps it; read back through this schema (another instance may have written it). */
export const CallBackSchema = z.object({
  id: z.string().min(1),
  request: CallBackRequestSchema,
  status: CallBackStatusSchema,
  /** Bumped on every change; stores write only over the version they were given. */
  version: z.number().int().positive(),
  takenBy: z.string().nullable(),
  attempts: z.array(CallAttemptSchema),
  closing: CallBackClosingSchema.nullable(),
  closedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type CallBack = z.infer<typeof CallBackSchema>;

export type CallBackEvent =
  | { type: 'take'; by: AgentActor; at: string }
  | { type: 'call'; by: AgentActor; outcome: CallOutcome; note: string; at: string }
  | { type: 'close'; by: AgentActor; closing: CallBackClosing; at: string };

export type CallBackProblem = 'not_found' | 'wrong_status' | 'taken' | 'not_taker';

export type CallBackResult = { ok: true; callBack: CallBack; changed: boolean } | { ok: false; problem: CallBackProblem };

/** A new call-back, waiting for an agent. */
export function newCallBack(id: string, request: CallBackRequest): CallBack {
  return { id, request, status: 'waiting', version: 1, takenBy: null, attempts: [], closing: null, closedBy: null, updatedAt: request.requestedAt };
}

/**
 * The one place a call-back changes: an agent takes it (one winner; a supervisor may take it over),
 * the agent who has it logs each call and closes it.
 */
export function callBackTransition(current: CallBack | null, event: CallBackEvent): CallBackResult {
  if (!current) return { ok: false, problem: 'not_found' };
  if (current.status === 'closed') return { ok: false, problem: 'wrong_status' };
  const mine = current.takenBy === event.by.username;
  if (event.type === 'take') {
    if (mine) return { ok: true, callBack: current, changed: false };
    if (current.status === 'taken' && !event.by.supervising) return { ok: false, problem: 'taken' };
    return changed(current, { status: 'taken', takenBy: event.by.username, updatedAt: event.at });
  }
  if (current.status !== 'taken') return { ok: false, problem: 'wrong_status' };
  if (!mine && !event.by.supervising) return { ok: false, problem: 'not_taker' };
  if (event.type === 'call') {
    const attempt = { agent: event.by.username, outcome: event.outcome, note: event.note, at: event.at };
    return changed(current, { attempts: [...current.attempts, attempt], updatedAt: event.at });
  }
  return changed(current, { status: 'closed', closing: event.closing, closedBy: event.by.username, updatedAt: event.at });
}

function changed(current: CallBack, next: Partial<CallBack>): CallBackResult {
  return { ok: true, callBack: { ...current, ...next, version: current.version + 1 }, changed: true };
}
