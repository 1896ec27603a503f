import { z } from 'zod';
import { InProcessJobQueue } from '../../src/jobs/inProcessJobQueue';
import { silentLogger } from '../../src/log/logger';

const DAY = 24 * 3600 * 1000;

describe('the in-process job queue', () => {
  afterEach(() => jest.useRealTimers());

  it('holds a job delayed beyond what one timer can wait (24.8 days) until its time', async () => {
    jest.useFakeTimers();
    const queue = new InProcessJobQueue(silentLogger());
    const ran: string[] = [];
    queue.define({ name: 'close', schema: z.object({ ticket: z.string() }), handler: async ({ ticket }) => void ran.push(ticket) });
    await queue.start();
    await queue.enqueue('close', { ticket: 'SP28461937' }, { delayMs: 30 * DAY });
    await jest.advanceTimersByTimeAsync(DAY);
    expect(ran).toEqual([]);
    await jest.advanceTimersByTimeAsync(28 * DAY);
    expect(ran).toEqual([]);
    await jest.advanceTimersByTimeAsync(DAY + 1000);
    expect(ran).toEqual(['SP28461937']);
    await queue.close();
  });
});
