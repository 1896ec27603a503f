import type { AgentEvent } from './agentEvents';

/**
 * Carries agent console events to every instance: an agent's console streams from whichever instance
 * it reached, while the change may have been made on another.
 */
export interface AgentEventBus {
  /** Sends to every subscriber on every instance, this one included. */
  publish(event: AgentEvent): Promise<void>;
  /** Resolves once events published from now on will reach `listener`; to the returned function to stop. */
  subscribe(listener: (event: AgentEvent) => void): Promise<() => void>;
  close(): Promise<void>;
}
