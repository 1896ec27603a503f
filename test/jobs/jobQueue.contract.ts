import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { JobQueue } from '../../src/jobs/jobQueue';

/** Makes a fresh queue; `instance` tells apart two queues sharing one store. */
export type JobQueueFactory = (instance: string) => JobQueue;

export interface JobQueueSubject {
  open: JobQueueFactory;
  close(): Promise<void>;
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await sleep(10);
  }
}

const Notice = z.object({ ticket: z.string() });

/** What every job queue does, in process or on Redis. */
export function describeJobQueueContract(name: string, subject: () => Promise<JobQueueSubject>): void {
  describe(`${name} (JobQueue contract)`, () => {
    let current: JobQueueSubject;
    const opened: JobQueue[] = [];
    const open = (instance = 'a') => {
      const queue = current.open(instance);
      opened.push(queue);
      return queue;
    };
    beforeEach(async () => {
      current = await subject();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((queue) => queue.close()));
      await current.close();
    });

    it('runs a job with its payload', async () => {
      const seen: string[] = [];
      const queue = open();
      queue.define({ name: 'notify', schema: Notice, handler: async ({ ticket }) => void seen.push(ticket) });
      await queue.start();
      await queue.enqueue('notify', { ticket: 'SP00000018' });
      await waitFor(() => seen.length === 1);
      expect(seen).toEqual(['SP00000018']);
    });

    it('retries a failing job with backoff until it succeeds', async () => {
      let calls = 0;
      const queue = open();
      queue.define({
        name: 'notify',
        schema: Notice,
        attempts: 4,
        backoffMs: 10,
        handler: async () => {
          calls += 1;
          if (calls < 3) throw new Error('Graph API answered 503');
        },
      });
      await queue.start();
      await queue.enqueue('notify', { ticket: 'SP00000018' });
      await waitFor(() => calls === 3);
      await sleep(50);
      expect(calls).toBe(3);
      expect(await queue.failed()).toEqual([]);
    });

    it('puts a job that keeps failing in the failed set, from where it can be retried', async () => {
      let healthy = false;
      let delivered = 0;
      const queue = open();
      queue.define({
        name: 'notify',
        schema: Notice,
        attempts: 2,
        backoffMs: 10,
        handler: async () => {
          if (!healthy) throw new Error('Graph API answered 503');
          delivered += 1;
        },
      });
      await queue.start();
      const id = await queue.enqueue('notify', { ticket: 'SP00000018' });
      await waitFor(async () => (await queue.failed()).length === 1);
      const [failed] = await queue.failed();
      expect(failed).toMatchObject({ id, name: 'notify', payload: { ticket: 'SP00000018' }, attempts: 2 });
      expect(failed!.error).toContain('503');
      expect((await queue.counts()).failed).toBe(1);

      healthy = true;
      expect(await queue.retry(id)).toBe(true);
      await waitFor(() => delivered === 1);
      await waitFor(async () => (await queue.failed()).length === 0);
      expect(await queue.retry('no-such-job')).toBe(false);
    });

    it('schedules a job with an id once, however often it is asked for', async () => {
      const seen: string[] = [];
      const queue = open();
      queue.define({
        name: 'notify',
        schema: Notice,
        handler: async ({ ticket }) => {
          await sleep(20);
          seen.push(ticket);
        },
      });
      await queue.enqueue('notify', { ticket: 'SP00000018' }, { jobId: 'wamid.ABC' });
      await queue.enqueue('notify', { ticket: 'SP00000018' }, { jobId: 'wamid.ABC' });
      await queue.start();
      await waitFor(() => seen.length >= 1);
      await sleep(100);
      expect(seen).toEqual(['SP00000018']);
    });

    it('fails a job whose payload does not match its schema, without calling the handler', async () => {
      let called = false;
      const queue = open();
      queue.define({
        name: 'notify',
        schema: Notice,
        attempts: 1,
        handler: async () => {
          called = true;
        },
      });
      await queue.start();
      await queue.enqueue('notify', { ticket: 42 });
      await waitFor(async () => (await queue.failed()).length === 1);
      expect(called).toBe(false);
    });

    it('runs a delayed job no earlier than asked', async () => {
      let ranAt = 0;
      const queue = open();
      queue.define({ name: 'notify', schema: Notice, handler: async () => void (ranAt = Date.now()) });
      await queue.start();
      const asked = Date.now();
      await queue.enqueue('notify', { ticket: 'SP00000018' }, { delayMs: 150 });
      await waitFor(() => ranAt > 0);
      expect(ranAt - asked).toBeGreaterThanOrEqual(140);
    });

    it('refuses a job nobody defined', async () => {
      await expect(open().enqueue('unknown', {})).rejects.toThrow(/no job named unknown/);
    });
  });
}
