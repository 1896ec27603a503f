import { EventEmitter } from 'node:events';
import type { Activity } from 'botbuilder';

/**
 * News for the open streams of a conversation: the transcript grew (streams re-read it from their
 * watermark), or an activity that is not kept (a typing indicator) is to be shown now.
 */
export type ConversationSignal = { kind: 'appended' } | { kind: 'ephemeral'; activity: Partial<Activity> };

/** Called with each signal for a conversation this instance streams. */
export type SignalListener = (signal: ConversationSignal) => void;

/** Tells the open streams of a conversation, on whichever instance they are, that there is news. */
export interface ConversationSignals {
  publish(conversationId: string, signal: ConversationSignal): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(conversationId: string, listener: SignalListener): () => void;
  close(): Promise<void>;
}

/** Signals within this process: enough for one instance, and the local half of the Redis fan-out. */
export class LocalConversationSignals implements ConversationSignals {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(conversationId: string, signal: ConversationSignal): Promise<void> {
    this.deliver(conversationId, signal);
  }

  /** Hands a signal to this process's listeners only. */
  deliver(conversationId: string, signal: ConversationSignal): void {
    this.emitter.emit(conversationId, signal);
  }

  subscribe(conversationId: string, listener: SignalListener): () => void {
    this.emitter.on(conversationId, listener);
    return () => this.emitter.off(conversationId, listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
