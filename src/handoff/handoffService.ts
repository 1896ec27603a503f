import type { HandoffQueue, HandoffRequest, QueuePlacement } from './handoffQueue';
import { transition, type HandoffEvent, type HandoffRecord, type ResolveReason, type TransitionProblem } from './handoffRecord';
import type { HandoffStore } from './handoffStore';

/** What became of a change: the record as written, or why it was refused. */
export type HandoffOutcome = { ok: true; record: HandoffRecord } | { ok: false; problem: TransitionProblem };

/** A compare-and-set lost this many times in a row means something is wrong, not just busy. */
const MAX_ATTEMPTS = 20;

/**
 * The handoff state machine over a store: every change is read, validated by `transition`, and
 * written only over the version it read, retried when another instance wrote first.
 */
export class HandoffService implements HandoffQueue {
  constructor(
    private readonly store: HandoffStore,
    private readonly now: () => Date,
  ) {}

  /** The conversation's record, null when it never asked for an agent. */
  current(conversationId: string): Promise<HandoffRecord | null> {
    return this.store.get(conversationId);
  }

  /** Queued records, the longest waiting first. */
  queue(): Promise<HandoffRecord[]> {
    return this.store.queued();
  }

  async enqueue(request: HandoffRequest): Promise<QueuePlacement> {
    const outcome = await this.apply(request.conversationId, { type: 'queue', request });
    const position = await this.positionOf(request.conversationId);
    return { position: position ?? 1, alreadyQueued: outcome.ok && !outcome.changed };
  }

  async positionOf(conversationId: string): Promise<number | null> {
    const index = (await this.store.queued()).findIndex((record) => record.request.conversationId === conversationId);
    return index < 0 ? null : index + 1;
  }

  async cancel(conversationId: string): Promise<boolean> {
    return (await this.apply(conversationId, { type: 'cancel', at: this.stamp() })).ok;
  }

  /** An agent takes a queued conversation; exactly one of several claiming at once wins. */
  claim(conversationId: string, agent: string): Promise<HandoffOutcome> {
    return this.apply(conversationId, { type: 'claim', agent, at: this.stamp() });
  }

  /** Nobody took it within the wait: the consumer goes back to the bot. */
  expire(conversationId: string): Promise<HandoffOutcome> {
    return this.apply(conversationId, { type: 'expire', at: this.stamp() });
  }

  /** Adds the consumer's message to the transcript the agent reads. */
  consumerWrote(conversationId: string, text: string): Promise<HandoffOutcome> {
    return this.apply(conversationId, { type: 'consumer_wrote', text, at: this.stamp() });
  }

  /** Adds the assigned agent's reply to the transcript; delivering it is the caller's part. */
  agentReplied(conversationId: string, agent: string, text: string): Promise<HandoffOutcome> {
    return this.apply(conversationId, { type: 'agent_replied', agent, text, at: this.stamp() });
  }

  /** The assigned agent is done; the conversation returns to the bot at the consumer's next message. */
  resolve(conversationId: string, agent: string, reason: ResolveReason): Promise<HandoffOutcome> {
    return this.apply(conversationId, { type: 'resolve', agent, reason, at: this.stamp() });
  }

  /** The bot has the conversation again (after resolved, expired or cancelled). */
  returnToBot(conversationId: string): Promise<HandoffOutcome> {
    return this.apply(conversationId, { type: 'return_to_bot', at: this.stamp() });
  }

  private async apply(conversationId: string, event: HandoffEvent): Promise<HandoffOutcome & { changed?: boolean }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const current = await this.store.get(conversationId);
      const result = transition(current, event);
      if (!result.ok) return result;
      if (!result.changed) return { ok: true, record: result.record, changed: false };
      if (await this.store.compareAndSet(result.record, current?.version ?? 0)) {
        return { ok: true, record: result.record, changed: true };
      }
    }
    throw new Error(`handoff record kept changing under ${event.type}`);
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}
