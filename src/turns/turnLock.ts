/**
 * Turns of one conversation run one at a time, in the order they arrived.
 *
 * Why: botbuilder loads state at the start of a turn and saves it at the end with eTag '*' (last
 * writer wins). WhatsApp users send bursts ("hello", "recharge", "not working" in two seconds), and
 * behind a load balancer two instances may take messages of the same conversation. Without this,
 * two turns would read the same dialog state and the later save would erase the earlier turn.
 * Every channel goes through SamparkBot.run, which holds this lock for the whole turn.
 */
export interface TurnLock {
  /** Runs `turn` when every earlier turn of this conversation has finished. */
  runExclusive<T>(conversationKey: string, turn: () => Promise<T>): Promise<T>;
}

/** The lock could not be had in time; the turn did not run and must be retried by its sender. */
export class TurnLockTimeoutError extends Error {
  constructor(readonly conversationKey: string, waitedMs: number) {
    super(`turn lock for a conversation not acquired within ${waitedMs} ms`);
    this.name = 'TurnLockTimeoutError';
  }
}
