import type { RateLimiter, RateRule } from '../../src/limits/rateLimiter';

export interface RateLimiterSubject {
  /** Two handles on one store, as two instances would hold them, both on `clock`. */
  limiters: [RateLimiter, RateLimiter];
  close(): Promise<void>;
}

/** What the test moves; every limiter under test reads it. */
export interface TestClock {
  now: Date;
}

const START = new Date('2026-11-28T06:00:00.000Z');
const THREE_A_MINUTE: RateRule = { limit: 3, windowSeconds: 60 };

/** What every rate limiter must do, in memory or on Redis. */
export function describeRateLimiterContract(name: string, open: (clock: () => Date) => Promise<RateLimiterSubject>): void {
  describe(`${name} (RateLimiter contract)`, () => {
    let clock: TestClock;
    let subject: RateLimiterSubject;
    let first: RateLimiter;
    let second: RateLimiter;

    const at = (seconds: number) => {
      clock.now = new Date(START.getTime() + seconds * 1000);
    };

    beforeEach(async () => {
      clock = { now: START };
      subject = await open(() => clock.now);
      [first, second] = subject.limiters;
    });
    afterEach(() => subject.close());

    it('allows up to the limit in a window, then refuses and says when to come back', async () => {
      for (let i = 0; i < 3; i += 1) {
        await expect(first.consume('ca:101000001', THREE_A_MINUTE)).resolves.toEqual({ allowed: true, retryAfterSeconds: 0 });
      }
      at(20);
      await expect(first.consume('ca:101000001', THREE_A_MINUTE)).resolves.toEqual({ allowed: false, retryAfterSeconds: 40 });
    });

    it('counts across instances: the limit is the key’s, not the caller’s', async () => {
      await first.consume('ca:101000001', THREE_A_MINUTE);
      await second.consume('ca:101000001', THREE_A_MINUTE);
      await first.consume('ca:101000001', THREE_A_MINUTE);
      await expect(second.consume('ca:101000001', THREE_A_MINUTE)).resolves.toMatchObject({ allowed: false });
    });

    it('keeps keys apart', async () => {
      for (let i = 0; i < 3; i += 1) await first.consume('ca:101000001', THREE_A_MINUTE);
      await expect(first.consume('ca:101000002', THREE_A_MINUTE)).resolves.toMatchObject({ allowed: true });
    });

    it('opens a fresh window once the old one closes', async () => {
      for (let i = 0; i < 3; i += 1) await first.consume('ca:101000001', THREE_A_MINUTE);
      at(59.5);
      await expect(first.consume('ca:101000001', THREE_A_MINUTE)).resolves.toEqual({ allowed: false, retryAfterSeconds: 1 });
      at(60);
      await expect(first.consume('ca:101000001', THREE_A_MINUTE)).resolves.toMatchObject({ allowed: true });
      await first.consume('ca:101000001', THREE_A_MINUTE);
      await first.consume('ca:101000001', THREE_A_MINUTE);
      await expect(first.consume('ca:101000001', THREE_A_MINUTE)).resolves.toEqual({ allowed: false, retryAfterSeconds: 60 });
    });

    it('does not count refused events, so hammering does not push the window on', async () => {
      for (let i = 0; i < 10; i += 1) await first.consume('ca:101000001', THREE_A_MINUTE);
      at(60);
      await expect(first.consume('ca:101000001', THREE_A_MINUTE)).resolves.toMatchObject({ allowed: true });
    });

    it('takes a refunded event back, on any instance, but never below an empty window', async () => {
      for (let i = 0; i < 3; i += 1) await first.consume('sign-in:agent1', THREE_A_MINUTE);
      await second.refund('sign-in:agent1');
      await expect(first.consume('sign-in:agent1', THREE_A_MINUTE)).resolves.toMatchObject({ allowed: true });
      await expect(first.consume('sign-in:agent1', THREE_A_MINUTE)).resolves.toMatchObject({ allowed: false });
      await first.refund('never-counted');
      at(60);
      for (let i = 0; i < 5; i += 1) await first.refund('sign-in:agent1');
      for (let i = 0; i < 3; i += 1) await first.consume('sign-in:agent1', THREE_A_MINUTE);
      await expect(first.consume('sign-in:agent1', THREE_A_MINUTE)).resolves.toMatchObject({ allowed: false });
    });

    it('admits exactly the limit when many ask at once', async () => {
      const rule: RateRule = { limit: 5, windowSeconds: 3600 };
      const decisions = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? first : second).consume('otp:to:9876500001', rule)),
      );
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
    });
  });
}
