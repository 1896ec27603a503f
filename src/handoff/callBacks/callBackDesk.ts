import { randomBytes } from 'node:crypto';
import type { Clock } from '../../domain/clock';
import type { AgentActor } from '../handoffRecord';
import {
  callBackTransition,
  newCallBack,
  type CallBack,
  type CallBackClosing,
  type CallBackEvent,
  type CallBackRequest,
  type CallBackResult,
  type CallOutcome,
} from './callBack';
import type { CallBackStore } from './callBackStore';

/** A compare-and-set lost this many times in a row means something is wrong, not just busy. */
const MAX_ATTEMPTS = 20;

/** What asking for a call-back came to: the call-back open for the conversation, and whether it was open already. */
export interface CallBackPlacement {
  callBack: CallBack;
  alreadyWaiting: boolean;
}

/** The part of the desk the chat uses: asking for a call. */
export interface CallBackRequests {
  request(request: CallBackRequest): Promise<CallBackPlacement>;
}

/**
 * Call-backs as agent work: the chat asks for one (out of agent hours, or when nobody was free),
 * agents take one, log each call and close it. Every change is read, validated by
 * `callBackTransition` and written over the version it read, retried when another instance wrote first.
 */
export class CallBackDesk implements CallBackRequests {
  constructor(
    private readonly store: CallBackStore,
    private readonly now: Clock,
  ) {}

  async request(request: CallBackRequest): Promise<CallBackPlacement> {
    const fresh = newCallBack(callBackId(), request);
    const callBack = await this.store.add(fresh);
    return { callBack, alreadyWaiting: callBack.id !== fresh.id };
  }

  get(id: string): Promise<CallBack | null> {
    return this.store.get(id);
  }

  /** Open call-backs in the order agents should make them: urgent first, then the earliest due, then the earliest asked. */
  async open(): Promise<CallBack[]> {
    return (await this.store.open()).sort(
      (a, b) =>
        Number(b.request.urgent) - Number(a.request.urgent) ||
        a.request.dueAt.localeCompare(b.request.dueAt) ||
        a.request.requestedAt.localeCompare(b.request.requestedAt),
    );
  }

  take(id: string, by: AgentActor): Promise<CallBackResult> {
    return this.apply(id, { type: 'take', by, at: this.stamp() });
  }

  /** Logs one call and what came of it; the call-back stays with the agent until closed. */
  logCall(id: string, by: AgentActor, outcome: CallOutcome, note: string): Promise<CallBackResult> {
    return this.apply(id, { type: 'call', by, outcome, note, at: this.stamp() });
  }

  close(id: string, by: AgentActor, closing: CallBackClosing): Promise<CallBackResult> {
    return this.apply(id, { type: 'close', by, closing, at: this.stamp() });
  }

  private async apply(id: string, event: CallBackEvent): Promise<CallBackResult> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const current = await this.store.get(id);
      const result = callBackTransition(current, event);
      if (!result.ok || !result.changed) return result;
      if (await this.store.compareAndSet(result.callBack, current?.version ?? 0)) return result;
    }
    throw new Error(`call-back kept changing under ${event.type}`);
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}

/** "CB-7F3A9C21": short enough to read out on a call, random so ids reveal nothing and never collide across instances. */
function callBackId(): string {
  return `CB-${randomBytes(4).toString('hex').toUpperCase()}`;
}
