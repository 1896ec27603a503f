import type { HandoffRecord } from './handoffRecord';

/**
 * Keeps each conversation's handoff record. Writes are compare-and-set on the record's version, so
 * two instances changing one conversation at once cannot both win (a claim race has one winner).
 */
export interface HandoffStore {
  get(conversationId: string): Promise<HandoffRecord | null>;
  /**
   * Writes `next` only when the stored version is `expectedVersion` (0: no record yet); true when written.
   * A record written as queued keeps its place in the queue; any other status takes it out.
   */
  compareAndSet(next: HandoffRecord, expectedVersion: number): Promise<boolean>;
  /** Queued records, the longest waiting first. */
  queued(): Promise<HandoffRecord[]>;
  /** Records with an agent now, in no particular order (the supervisor's overview). */
  assigned(): Promise<HandoffRecord[]>;
}
