import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../../log/logger';
import {
  LocalConversationSignals,
  type ConversationSignal,
  type ConversationSignals,
  type SignalListener,
} from './conversationSignals';

/** The Redis connection and channel of the fan-out. */
export interface RedisSignalsOptions {
  /** Publishes; a separate subscriber connection is made from it. */
  redis: Redis;
  /** The channel name is this prefix + "signals". */
  prefix: string;
  logger: Logger;
}

const Envelope = z.object({
  from: z.string(),
  conversationId: z.string().min(1).max(128),
  signal: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('appended') }),
    z.object({ kind: z.literal('ephemeral'), activity: z.record(z.string(), z.unknown()) }),
  ]),
});

/**
 * Signals fanned out through Redis pub/sub, so a stream open on one instance hears of a reply
 * written by another. This instance's own streams are told directly, whether or not Redis answers;
 * its own messages coming back from Redis are ignored.
 */
export class RedisConversationSignals implements ConversationSignals {
  private readonly local = new LocalConversationSignals();
  private readonly instance = randomUUID();
  private readonly channel: string;
  private readonly subscriber: Redis;

  constructor(private readonly options: RedisSignalsOptions) {
    this.channel = `${options.prefix}signals`;
    // Subscribing waits for the connection, unlike the fail-fast commands of the shared client.
    this.subscriber = options.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    // The shared client already reports a Redis outage; this one reconnects and resubscribes on its own.
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, message: string) => this.receive(message));
  }

  /** Resolves once this instance hears other instances' signals. */
  async ready(): Promise<void> {
    await this.subscriber.subscribe(this.channel);
  }

  async publish(conversationId: string, signal: ConversationSignal): Promise<void> {
    this.local.deliver(conversationId, signal);
    const envelope = { from: this.instance, conversationId, signal };
    await this.options.redis.publish(this.channel, JSON.stringify(envelope)).catch((error: unknown) => {
      // Streams on other instances still re-read the store on their heartbeat.
      this.options.logger.warn({ err: error }, 'could not fan out a web chat signal through Redis');
    });
  }

  subscribe(conversationId: string, listener: SignalListener): () => void {
    return this.local.subscribe(conversationId, listener);
  }

  async close(): Promise<void> {
    await this.local.close();
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }

  private receive(message: string): void {
    let parsed;
    try {
      parsed = Envelope.safeParse(JSON.parse(message));
    } catch {
      return;
    }
    if (!parsed.success || parsed.data.from === this.instance) return;
    const { conversationId, signal } = parsed.data;
    this.local.deliver(
      conversationId,
      signal.kind === 'ephemeral' ? { kind: 'ephemeral', activity: signal.activity as Partial<Activity> } : signal,
    );
  }
}
