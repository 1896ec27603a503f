import type { HandoffQueue, HandoffRequest, QueuePlacement } from './handoffQueue';

/** In-process FIFO of waiting conversations, the embedded default. */
export class MemoryHandoffQueue implements HandoffQueue {
  private readonly waiting = new Map<string, HandoffRequest>();

  async enqueue(request: HandoffRequest): Promise<QueuePlacement> {
    const alreadyQueued = this.waiting.has(request.conversationId);
    if (!alreadyQueued) this.waiting.set(request.conversationId, request);
    return { position: this.position(request.conversationId), alreadyQueued };
  }

  async positionOf(conversationId: string): Promise<number | null> {
    return this.waiting.has(conversationId) ? this.position(conversationId) : null;
  }

  async cancel(conversationId: string): Promise<boolean> {
    return this.waiting.delete(conversationId);
  }

  /** Maps keep insertion order, so the queue order is the order of first asking. */
  private position(conversationId: string): number {
    return [...this.waiting.keys()].indexOf(conversationId) + 1;
  }
}
