/**
 * Atomic "first one wins" across instances: the same WhatsApp message delivered twice at once, or
 * again minutes later, is answered once. A claim can name its owner, so the owner's own retry (the
 * same job run again after a crash) keeps it and renews its lifetime; anyone else is refused.
 */
export interface Dedupe {
  /**
   * True when `key` was free and is now claimed for `ttlSeconds`, or is already held by `owner` (then
   * its lifetime starts again). False when someone else holds it. Without an owner, only the first
   * claim ever succeeds.
   */
  claim(key: string, ttlSeconds: number, owner?: string): Promise<boolean>;
  /** Frees `key` if `owner` holds it; a claim held by someone else is left alone. */
  release(key: string, owner: string): Promise<void>;
}
