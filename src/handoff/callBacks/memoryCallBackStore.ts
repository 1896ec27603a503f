import type { Clock } from '../../domain/clock';
import type { CallBack } from './callBack';
import type { CallBackStore } from './callBackStore';

/** Call-backs in this process (the embedded default); a closed one is kept `closedTtlSeconds`, like on Redis. */
export class MemoryCallBackStore implements CallBackStore {
  private readonly byId = new Map<string, CallBack>();
  /** Conversation id to the id of its open call-back. */
  private readonly openByConversation = new Map<string, string>();

  constructor(
    private readonly closedTtlSeconds: number,
    private readonly now: Clock,
  ) {}

  async get(id: string): Promise<CallBack | null> {
    return this.read(id);
  }

  async openFor(conversationId: string): Promise<CallBack | null> {
    return this.readOpenFor(conversationId);
  }

  // Check and write with no await between them: that is what makes them atomic in one process.
  async add(callBack: CallBack): Promise<CallBack> {
    const open = this.readOpenFor(callBack.request.conversationId);
    if (open) return open;
    this.byId.set(callBack.id, callBack);
    this.openByConversation.set(callBack.request.conversationId, callBack.id);
    return callBack;
  }

  async compareAndSet(next: CallBack, expectedVersion: number): Promise<boolean> {
    if (this.read(next.id)?.version !== expectedVersion) return false;
    this.byId.set(next.id, next);
    if (next.status === 'closed') this.openByConversation.delete(next.request.conversationId);
    return true;
  }

  async open(): Promise<CallBack[]> {
    return [...this.openByConversation.values()].flatMap((id) => {
      const callBack = this.byId.get(id);
      return callBack ? [callBack] : [];
    });
  }

  private readOpenFor(conversationId: string): CallBack | null {
    const id = this.openByConversation.get(conversationId);
    return id ? this.read(id) : null;
  }

  private read(id: string): CallBack | null {
    const callBack = this.byId.get(id);
    if (callBack?.status === 'closed' && Date.parse(callBack.updatedAt) + this.closedTtlSeconds * 1000 <= this.now().getTime()) {
      this.byId.delete(id);
      return null;
    }
    return callBack ?? null;
  }
}
