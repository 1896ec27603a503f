import type { CallBack } from './callBack';

/**
 * Keeps the call-backs agents owe consumers. Writes are compare-and-set on the version, so two
 * agents taking one call-back on two instances cannot both win; a conversation has at most one
 * open call-back, so asking twice does not make two calls.
 */
export interface CallBackStore {
  get(id: string): Promise<CallBack | null>;
  /** The open (waiting or taken) call-back of a conversation, null when it has none. */
  openFor(conversationId: string): Promise<CallBack | null>;
  /**
   * Writes a new call-back unless the conversation already has an open one; returns what is open
   * for the conversation afterwards (the new one, or the one it had).
   */
  add(callBack: CallBack): Promise<CallBack>;
  /** Writes `next` only when the stored version is `expectedVersion`; true when written. */
  compareAndSet(next: CallBack, expectedVersion: number): Promise<boolean>;
  /** Every open call-back, in no particular order. */
  open(): Promise<CallBack[]>;
}
