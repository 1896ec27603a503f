import type { HandoffRequest } from '../../src/handoff/handoffQueue';
import { MemoryHandoffQueue } from '../../src/handoff/memoryHandoffQueue';

const request = (conversationId: string): HandoffRequest => ({
  conversationId,
  channel: 'test',
  language: 'hi',
  reason: 'consumer_asked',
  caNumber: null,
  lastIntent: 'talk_to_agent',
  requestedAt: '2026-11-28T06:00:00.000Z',
});

describe('MemoryHandoffQueue', () => {
  it('queues in order of asking and tells each their place', async () => {
    const queue = new MemoryHandoffQueue();
    expect(await queue.enqueue(request('a'))).toEqual({ position: 1, alreadyQueued: false });
    expect(await queue.enqueue(request('b'))).toEqual({ position: 2, alreadyQueued: false });
  });

  it('does not queue a conversation twice', async () => {
    const queue = new MemoryHandoffQueue();
    await queue.enqueue(request('a'));
    await queue.enqueue(request('b'));
    expect(await queue.enqueue(request('a'))).toEqual({ position: 1, alreadyQueued: true });
  });

  it('moves everyone up when a consumer cancels', async () => {
    const queue = new MemoryHandoffQueue();
    await queue.enqueue(request('a'));
    await queue.enqueue(request('b'));
    expect(await queue.cancel('a')).toBe(true);
    expect(await queue.cancel('a')).toBe(false);
    expect(await queue.positionOf('b')).toBe(1);
    expect(await queue.positionOf('a')).toBeNull();
  });
});
