import type { HandoffQueue, HandoffRequest, QueuePlacement } from './handoffQueue';
import {
  transition,
  type AgentActor,
  type HandoffEvent,
  type HandoffRecord,
  type ResolveReason,
  type SatisfactionRating,
  type TransitionProblem,
} from './handoffRecord';
import type { HandoffStore } from './handoffStore';

/** What became of a change: the record as written, or why it was refused. */
export type HandoffOutcome = { ok: true; record: HandoffRecord } | { ok: false; problem: TransitionProblem };

/** A change as applied: `changed` false when it was a repeat that wrote nothing (a second claim by the same agent). */
export type AppliedOutcome = { ok: true; record: HandoffRecord; changed: boolean } | { ok: false; problem: TransitionProblem };

/** One change as written: the event, the record before it (null for a first request) and after. */
export interface HandoffChange {
  event: HandoffEvent;
  before: HandoffRecord | null;
  record: HandoffRecord;
}

/** Told of every change this instance writes; it must not throw (the change is already stored). */
export type HandoffListener = (change: HandoffChange) => void;

/** A compare-and-set lost this many times in a row means something is wrong, not just busy. */
const MAX_ATTEMPTS = 20;

/**
 * The handoff state machine over a store: every change is read, validated by `transition`, and
 * written only over the version it read, retried when another instance wrote first.
 */
export class HandoffService implements HandoffQueue {
  private readonly listeners: HandoffListener[] = [];

  constructor(
    private readonly store: HandoffStore,
    private readonly now: () => Date,
  ) {}

  /** The conversation's record, null when it never asked for an agent. */
  current(conversationId: string): Promise<HandoffRecord | null> {
    return this.store.get(conversationId);
  }

  /** Queued records in the order agents serve them: urgent ones first, then the longest waiting. */
  async queue(): Promise<HandoffRecord[]> {
    return inServingOrder(await this.store.queued());
  }

  /** Every conversation the agent side has: waiting, then with an agent. */
  async withAgentSide(): Promise<HandoffRecord[]> {
    const [queued, assigned] = await Promise.all([this.queue(), this.store.assigned()]);
    return [...queued, ...assigned];
  }

  /** Registers a listener for every change written from now on (live updates for the agent console). */
  onChange(listener: HandoffListener): void {
    this.listeners.push(listener);
  }

  async enqueue(request: HandoffRequest): Promise<QueuePlacement> {
    const outcome = await this.apply(request.conversationId, { type: 'queue', request });
    const position = await this.positionOf(request.conversationId);
    return { position: position ?? 1, alreadyQueued: outcome.ok && !outcome.changed };
  }

  async positionOf(conversationId: string): Promise<number | null> {
    const index = (await this.queue()).findIndex((record) => record.request.conversationId === conversationId);
    return index < 0 ? null : index + 1;
  }

  async cancel(conversationId: string): Promise<boolean> {
    return (await this.apply(conversationId, { type: 'cancel', at: this.stamp() })).ok;
  }

  /** An agent takes a queued conversation; exactly one of several claiming at once wins. */
  claim(conversationId: string, agent: string): Promise<AppliedOutcome> {
    return this.apply(conversationId, { type: 'claim', agent, at: this.stamp() });
  }

  /** Nobody took it within the wait: the consumer goes back to the bot. */
  expire(conversationId: string): Promise<HandoffOutcome> {
    return this.apply(conversationId, { type: 'expire', at: this.stamp() });
  }

  /** Adds the consumer's message to the transcript the agent reads; one that speaks of a health need makes the request urgent. */
  consumerWrote(conversationId: string, text: string, urgent = false): Promise<HandoffOutcome> {
    return this.apply(conversationId, { type: 'consumer_wrote', text, at: this.stamp(), ...(urgent ? { urgent } : {}) });
  }

  /** Adds the assigned agent's reply to the transcript; delivering it is the caller's part. */
  agentReplied(conversationId: string, agent: string, text: string): Promise<HandoffOutcome> {
    return this.apply(conversationId, { type: 'agent_replied', agent, text, at: this.stamp() });
  }

  /** The assigned agent is done; the conversation returns to the bot at the consumer's next message. */
  resolve(conversationId: string, agent: string, reason: ResolveReason): Promise<HandoffOutcome> {
    return this.apply(conversationId, { type: 'resolve', agent, reason, at: this.stamp() });
  }

  /** A private note for the agent side; it never reaches the consumer. */
  note(conversationId: string, by: AgentActor, text: string): Promise<HandoffOutcome> {
    return this.apply(conversationId, { type: 'note', by, text, at: this.stamp() });
  }

  /** Hands an assigned conversation to another agent, or back to the queue with `to: null`. */
  transfer(conversationId: string, by: AgentActor, to: string | null): Promise<AppliedOutcome> {
    return this.apply(conversationId, { type: 'transfer', by, to, at: this.stamp() });
  }

  /** The consumer's answer to how the agent helped, or `skipped` when they wrote something else. */
  rate(conversationId: string, rating: SatisfactionRating | 'skipped'): Promise<HandoffOutcome> {
    return this.apply(conversationId, { type: 'rate', rating, at: this.stamp() });
  }

  /** The bot has the conversation again (after resolved, expired or cancelled). */
  returnToBot(conversationId: string): Promise<HandoffOutcome> {
    return this.apply(conversationId, { type: 'return_to_bot', at: this.stamp() });
  }

  private async apply(conversationId: string, event: HandoffEvent): Promise<AppliedOutcome> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const current = await this.store.get(conversationId);
      const result = transition(current, event);
      if (!result.ok) return result;
      if (!result.changed) return { ok: true, record: result.record, changed: false };
      if (await this.store.compareAndSet(result.record, current?.version ?? 0)) {
        for (const listener of this.listeners) listener({ event, before: current, record: result.record });
        return { ok: true, record: result.record, changed: true };
      }
    }
    throw new Error(`handoff record kept changing under ${event.type}`);
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}

/**
 * Urgent first, then by when the consumer asked: a conversation an agent put back in the queue keeps
 * the place its wait earned instead of going to the back.
 */
function inServingOrder(records: HandoffRecord[]): HandoffRecord[] {
  return [...records].sort(
    (a, b) => Number(b.request.urgent === true) - Number(a.request.urgent === true) || a.request.requestedAt.localeCompare(b.request.requestedAt),
  );
}
