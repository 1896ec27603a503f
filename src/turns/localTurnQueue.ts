import type { TurnLock } from './turnLock';

/**
 * A FIFO per conversation inside one process: each turn waits for the one before it. This is the
 * whole lock for a single instance, and the queue in front of the Redis lock for many.
 */
export class LocalTurnQueue implements TurnLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async runExclusive<T>(conversationKey: string, turn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversationKey) ?? Promise.resolve();
    const current = previous.then(turn);
    const tail = current.catch(() => undefined);
    this.tails.set(conversationKey, tail);
    try {
      return await current;
    } finally {
      // The last turn in line cleans up, so idle conversations hold no memory.
      if (this.tails.get(conversationKey) === tail) this.tails.delete(conversationKey);
    }
  }

  /** Conversations with a turn running or waiting; for metrics and tests. */
  get busyConversations(): number {
    return this.tails.size;
  }
}
