import type { AgentEvent } from './agentEvents';
import type { AgentEventBus } from './agentEventBus';

/** The embedded default: one instance, so its own subscribers are everyone. */
export class InProcessAgentEventBus implements AgentEventBus {
  private readonly listeners = new Set<(event: AgentEvent) => void>();

  async publish(event: AgentEvent): Promise<void> {
    for (const listener of [...this.listeners]) listener(event);
  }

  async subscribe(listener: (event: AgentEvent) => void): Promise<() => void> {
    // Wrapped, so the same function subscribed twice is two subscriptions.
    const subscription = (event: AgentEvent) => listener(event);
    this.listeners.add(subscription);
    return () => void this.listeners.delete(subscription);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
