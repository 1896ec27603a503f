/**
 * What became of the last attempt to send one outbox message, kept durably so a retry after a crash
 * knows whether Meta may already have it.
 *
 * Meta's Cloud API gives no idempotency key: two POSTs of the same message are two messages on the
 * consumer's phone. What it does guarantee is that an accepted message gets a wamid in the answer and
 * then statuses (sent, delivered, read or failed) on the webhook, each carrying the
 * `biz_opaque_callback_data` we sent with it. It does not guarantee that the answer reaches us (a
 * timeout, or this process dying mid-call, loses it), nor how soon the first status comes. So an
 * attempt is written before the call and resolved with the wamid after it; an attempt still
 * unresolved when the message is tried again may have reached Meta, and is confirmed by its status
 * (the key is our callback data) or, when none came within a bound, taken as never accepted.
 */
export interface SendAttempts {
  /**
   * Starts an attempt at `key` unless one exists: resolves with null when this call started it, or
   * with the earlier attempt (never resolved, or accepted with its wamid) to decide on first.
   */
  begin(key: string, at: Date): Promise<SendAttempt | null>;
  /** Starts the attempt at `key` again from `at` (the earlier one was never accepted). */
  restart(key: string, at: Date): Promise<void>;
  /** Meta accepted the attempt at `key` as `wamid` (its answer, or a status carrying the key); ignored when no attempt is known. */
  accepted(key: string, wamid: string): Promise<void>;
  /** Meta answered that it did not take the attempt (or it never left): the next try sends at once. */
  forget(key: string): Promise<void>;
}

/** An attempt as kept: when it started, and the wamid once Meta's acceptance is known. */
export interface SendAttempt {
  startedAt: Date;
  wamid: string | null;
}
