/**
 * Slows password guessing: after `maxFailures` wrong passwords for one username within `lockMs` of
 * each other, sign-in is refused for `lockMs`, whatever the password. Counted per instance; behind a
 * load balancer the limit is per instance, which still caps guessing at a few tries a minute per account.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; lockedUntil: number; lastFailure: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly lockMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  isLocked(username: string): boolean {
    return (this.failures.get(username)?.lockedUntil ?? 0) > this.now();
  }

  failed(username: string): void {
    const now = this.now();
    // Typos days apart are no guessing; and names typed once (any text at all) must not pile up forever.
    for (const [name, record] of this.failures) if (this.isStale(record, now)) this.failures.delete(name);
    const record = this.failures.get(username) ?? { count: 0, lockedUntil: 0, lastFailure: now };
    record.count += 1;
    record.lastFailure = now;
    if (record.count >= this.maxFailures) {
      record.lockedUntil = now + this.lockMs;
      record.count = 0;
    }
    this.failures.set(username, record);
  }

  succeeded(username: string): void {
    this.failures.delete(username);
  }

  private isStale(record: { lockedUntil: number; lastFailure: number }, now: number): boolean {
    return record.lockedUntil <= now && now - record.lastFailure > this.lockMs;
  }
}
