import type { Logger } from '../log/logger';
import type { TurnLock } from '../turns/turnLock';
import type { AgentPresence } from './agentPresence';
import type { HandoffRecord } from './handoffRecord';
import type { HandoffService } from './handoffService';

/** One round at a time across every instance: two rounds at once could both give an agent their last free place. */
const ROUND_LOCK = 'handoff:auto-assignment';

export interface AutoAssignmentParts {
  handoff: HandoffService;
  presence: AgentPresence;
  /** The lock turns use, under a key of its own. */
  lock: TurnLock;
  /** AGENT_MAX_OPEN_CONVERSATIONS: an agent holding this many gets no more by themselves. */
  maxOpenPerAgent: number;
  /** Told of each assignment once it is written (the consumer hears who joined). */
  assigned(record: HandoffRecord, agent: string): Promise<void>;
  logger: Logger;
}

/** What a round did: each waiting conversation given, and to whom. */
export interface Assignment {
  conversationId: string;
  agent: string;
}

/**
 * Gives waiting conversations to agents besides Take: in serving order (urgent first, then the
 * longest waiting), each to the agent with a console open, not away, holding the fewest below the
 * limit (among equals the first by username, so every instance agrees). Supervisors watch; they take by hand. A claim that loses to a Take is simply skipped.
 */
export class AutoAssignment {
  constructor(private readonly parts: AutoAssignmentParts) {}

  /** One round; several instances may ask at once, and the lock runs their rounds one after another. */
  assignWaiting(): Promise<Assignment[]> {
    return this.parts.lock.runExclusive(ROUND_LOCK, () => this.round());
  }

  private async round(): Promise<Assignment[]> {
    const [waiting, online, side] = await Promise.all([this.parts.handoff.queue(), this.parts.presence.online(), this.parts.handoff.withAgentSide()]);
    const holding = new Map<string, number>();
    for (const agent of online) if (agent.role === 'agent' && !agent.away) holding.set(agent.username, 0);
    for (const record of side) {
      if (record.status === 'assigned' && record.assignee && holding.has(record.assignee)) holding.set(record.assignee, holding.get(record.assignee)! + 1);
    }
    const done: Assignment[] = [];
    for (const record of waiting) {
      const agent = this.freest(holding);
      if (!agent) break;
      const outcome = await this.parts.handoff.claim(record.request.conversationId, agent);
      if (!outcome.ok || !outcome.changed) continue;
      holding.set(agent, holding.get(agent)! + 1);
      done.push({ conversationId: record.request.conversationId, agent });
      await this.parts.assigned(outcome.record, agent).catch((error: unknown) => this.parts.logger.warn({ err: error }, 'auto-assigned consumer not told'));
    }
    return done;
  }

  private freest(holding: ReadonlyMap<string, number>): string | null {
    let best: string | null = null;
    for (const [agent, count] of [...holding].sort(([a], [b]) => a.localeCompare(b))) {
      if (count < this.parts.maxOpenPerAgent && (best === null || count < holding.get(best)!)) best = agent;
    }
    return best;
  }
}
