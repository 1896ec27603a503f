import { setTimeout as sleep } from 'node:timers/promises';
import type { TurnLock } from '../../src/turns/turnLock';

export interface TurnLockSubject {
  /** Two locks as two instances would hold them (the same lock twice for an in-process lock). */
  locks: [TurnLock, TurnLock];
  close(): Promise<void>;
}

/** Records when turns start and end, to prove they never overlap. */
function recorder() {
  const events: string[] = [];
  let running = 0;
  let overlapped = false;
  return {
    events,
    get overlapped() {
      return overlapped;
    },
    turn: (name: string, ms: number) => async () => {
      running += 1;
      if (running > 1) overlapped = true;
      events.push(`start ${name}`);
      await sleep(ms);
      events.push(`end ${name}`);
      running -= 1;
      return name;
    },
  };
}

/** What every turn lock guarantees, in process or across instances. */
export function describeTurnLockContract(name: string, open: () => Promise<TurnLockSubject>): void {
  describe(`${name} (TurnLock contract)`, () => {
    let subject: TurnLockSubject;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.close());

    it('runs the turns of one conversation one at a time, in the order they arrived', async () => {
      const [lock] = subject.locks;
      const log = recorder();
      const results = await Promise.all(['a', 'b', 'c'].map((turn) => lock.runExclusive('c1', log.turn(turn, 15))));
      expect(results).toEqual(['a', 'b', 'c']);
      expect(log.events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    });

    it('runs turns of different conversations side by side', async () => {
      const [lock] = subject.locks;
      const started: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const first = lock.runExclusive('c1', async () => {
        started.push('c1');
        await gate;
      });
      const second = lock.runExclusive('c2', async () => {
        started.push('c2');
      });
      await second;
      expect(started).toEqual(['c1', 'c2']);
      release();
      await first;
    });

    it('lets the next turn run after one that failed', async () => {
      const [lock] = subject.locks;
      const failing = lock.runExclusive('c1', async () => {
        throw new Error('backend exploded');
      });
      const next = lock.runExclusive('c1', async () => 'ran');
      await expect(failing).rejects.toThrow('backend exploded');
      await expect(next).resolves.toBe('ran');
    });

    it('never overlaps a burst shared between two instances', async () => {
      const log = recorder();
      const burst = Array.from({ length: 8 }, (_, index) =>
        subject.locks[index % 2]!.runExclusive('c1', log.turn(String(index), 5)),
      );
      await Promise.all(burst);
      expect(log.overlapped).toBe(false);
      expect(log.events).toHaveLength(16);
    });
  });
}
