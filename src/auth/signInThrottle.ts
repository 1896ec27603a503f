/**
 * Slows password guessing: after `maxFailures` wrong passwords for one username, sign-in is refused
 * for `lockMs`, whatever the password. Counted per instance; behind a load balancer the limit is
 * per instance, which still caps guessing at a few tries a minute per account.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly lockMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  isLocked(username: string): boolean {
    return (this.failures.get(username)?.lockedUntil ?? 0) > this.now();
  }

  failed(username: string): void {
    const record = this.failures.get(username) ?? { count: 0, lockedUntil: 0 };
    record.count += 1;
    if (record.count >= this.maxFailures) {
      record.lockedUntil = this.now() + this.lockMs;
      record.count = 0;
    }
    this.failures.set(username, record);
  }

  succeeded(username: string): void {
    this.failures.delete(username);
  }
}
