import type { Redis } from 'ioredis';
import type { Logger } from '../log/logger';
import { AgentEventSchema, type AgentEvent } from './agentEvents';
import type { AgentEventBus } from './agentEventBus';

/**
 * Agent console events over Redis pub/sub. A subscribed connection can do nothing else, so it has its
 * own, opened at the first subscriber and subscribed only once it is ready: production clients have
 * no offline queue (`connectRedis`), so a SUBSCRIBE sent while connecting fails at once. Pub/sub keeps nothing: a console that was disconnected reloads
 * the queue when its stream opens again rather than replaying what it missed.
 */
export class RedisAgentEventBus implements AgentEventBus {
  private readonly listeners = new Set<(event: AgentEvent) => void>();
  private subscriber: Redis | null = null;
  private subscribed: Promise<unknown> | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly channel: string,
    private readonly logger: Logger,
  ) {}

  async publish(event: AgentEvent): Promise<void> {
    await this.redis.publish(this.channel, JSON.stringify(event));
  }

  async subscribe(listener: (event: AgentEvent) => void): Promise<() => void> {
    const subscription = (event: AgentEvent) => listener(event);
    this.listeners.add(subscription);
    try {
      await this.connection();
    } catch (error) {
      this.listeners.delete(subscription);
      throw error;
    }
    return () => void this.listeners.delete(subscription);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    const subscriber = this.subscriber;
    this.subscriber = null;
    this.subscribed = null;
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
  }

  private connection(): Promise<unknown> {
    if (!this.subscribed) {
      const subscriber = this.redis.duplicate();
      subscriber.on('error', (error: Error) => this.logger.warn({ err: error }, 'agent event subscriber: Redis error'));
      subscriber.on('message', (_channel: string, message: string) => this.deliver(message));
      this.subscriber = subscriber;
      this.subscribed = this.subscribeWhenReady(subscriber).catch((error: unknown) => {
        // Redis was away: the next console tries a new connection instead of failing for good.
        if (this.subscriber === subscriber) {
          this.subscriber = null;
          this.subscribed = null;
        }
        subscriber.disconnect();
        throw error;
      });
    }
    return this.subscribed;
  }

  private async subscribeWhenReady(subscriber: Redis): Promise<void> {
    if (subscriber.status !== 'ready') {
      await new Promise<void>((resolve, reject) => {
        const onReady = () => {
          subscriber.off('error', onError);
          resolve();
        };
        const onError = (error: Error) => {
          subscriber.off('ready', onReady);
          reject(error);
        };
        subscriber.once('ready', onReady);
        subscriber.once('error', onError);
      });
    }
    await subscriber.subscribe(this.channel);
  }

  private deliver(message: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      parsed = null;
    }
    const event = AgentEventSchema.safeParse(parsed);
    if (!event.success) {
      this.logger.warn('agent event bus: ignored a message that is not an agent event');
      return;
    }
    for (const listener of [...this.listeners]) listener(event.data);
  }
}
