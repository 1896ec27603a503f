import type { Logger } from '../log/logger';
import type { AgentEventBus } from './agentEventBus';
import { agentEventsOf } from './agentEvents';
import type { HandoffService } from './handoffService';

/** Publishes the console events of every change the service writes; a lost event costs a refresh, never the change. */
export function publishHandoffChanges(handoff: HandoffService, bus: AgentEventBus, logger: Logger): void {
  handoff.onChange((change) => {
    for (const event of agentEventsOf(change)) {
      bus.publish(event).catch((error: unknown) => logger.warn({ err: error, type: event.type }, 'agent event not published'));
    }
  });
}
